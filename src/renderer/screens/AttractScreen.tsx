import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/languages.js';
import { INTL_LOCALE } from '../i18n.js';
import { useKioskStore } from '../store.js';

/** The idle screen: says what the kiosk is in all three languages and starts a visit on any touch. */
export function AttractScreen() {
  const startVisit = useKioskStore((state) => state.startVisit);
  const officeName = useKioskStore((state) => state.info?.officeName);
  const { i18n } = useTranslation();
  const now = useClock();

  return (
    <main className="screen attract" data-screen="attract">
      <button type="button" className="attract-touch" onClick={startVisit}>
        <span className="attract-titles">
          {LANGUAGES.map((language) => (
            <span key={language} lang={language} className={`attract-title attract-title-${language}`}>
              {i18n.getFixedT(language)('attract.title')}
            </span>
          ))}
        </span>
        <span className="attract-cta">
          {LANGUAGES.map((language) => (
            <span key={language} lang={language}>
              {i18n.getFixedT(language)('attract.touchToStart')}
            </span>
          ))}
        </span>
      </button>
      <footer className="attract-footer">
        <span lang="ky">{officeName?.ky}</span>
        <time dateTime={now.toISOString()}>
          {now.toLocaleTimeString(INTL_LOCALE.ky, { hour: '2-digit', minute: '2-digit' })}
        </time>
      </footer>
    </main>
  );
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
