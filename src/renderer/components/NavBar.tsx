import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../store.js';

/** Bottom bar of every visit screen: Back at the left, then language, and Exit always visible. */
export function NavBar({ back = true }: { back?: boolean }) {
  const { t } = useTranslation();
  const goBack = useKioskStore((state) => state.goBack);
  const changeLanguage = useKioskStore((state) => state.changeLanguage);
  const requestExit = useKioskStore((state) => state.requestExit);
  return (
    <nav className="screen-actions" aria-label={t('nav.label')}>
      {back ? (
        <button type="button" className="button secondary" onClick={goBack}>
          <span aria-hidden="true">← </span>
          {t('nav.back')}
        </button>
      ) : (
        <span />
      )}
      <button type="button" className="button secondary" onClick={changeLanguage}>
        {t('nav.changeLanguage')}
      </button>
      <button type="button" className="button exit" onClick={requestExit}>
        {t('nav.exit')}
      </button>
    </nav>
  );
}
