import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackOfficeSession } from '../shared/contract/backoffice.js';
import type { Language } from '../shared/domain/languages.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SECTION_PAGES } from './pages/section-pages.js';
import { sectionsFor, type SectionId } from './sections.js';

/** Each section's title, as literal keys so a missing translation fails the locale test. */
const SECTION_TITLES = {
  fleet: 'sections.fleet.title',
  applications: 'sections.applications.title',
  content: 'sections.content.title',
  kiosks: 'sections.kiosks.title',
  staff: 'sections.staff.title',
  audit: 'sections.audit.title',
} as const satisfies Record<SectionId, string>;

interface ShellProps {
  session: BackOfficeSession;
  language: Language;
  onLanguage: (language: Language) => void;
  onSignOut: () => Promise<void>;
}

/** The signed-in frame every back office page lives in: who is signed in, the sections this role may use, Sign out. */
export function Shell({ session, language, onLanguage, onSignOut }: ShellProps) {
  const { t } = useTranslation();
  const sections = sectionsFor(session.role);
  const [current, setCurrent] = useState<SectionId>(sections[0]!.id);
  const [signingOut, setSigningOut] = useState(false);
  const CurrentPage = SECTION_PAGES[current];
  const roleName = session.role === 'administrator' ? t('shell.roles.administrator') : t('shell.roles.officer');

  return (
    <div className="shell">
      <header className="shell__header">
        <p className="shell__product">{t('product')}</p>
        <LanguageSwitch language={language} onChange={onLanguage} />
        <p className="shell__user">
          <span>{t('shell.signedInAs', { username: session.username })}</span> <span className="shell__role">{roleName}</span>
        </p>
        <button
          type="button"
          className="secondary"
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true);
            void onSignOut();
          }}
        >
          {signingOut ? t('shell.signingOut') : t('shell.signOut')}
        </button>
      </header>
      <nav className="shell__navigation" aria-label={t('shell.navigation')}>
        <ul>
          {sections.map(({ id }) => (
            <li key={id}>
              <button type="button" aria-current={id === current ? 'page' : undefined} onClick={() => setCurrent(id)}>
                {t(SECTION_TITLES[id])}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell__main">
        <h1>{t(SECTION_TITLES[current])}</h1>
        <CurrentPage session={session} language={language} />
      </main>
    </div>
  );
}
