import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackOfficeSession } from '../shared/contract/backoffice.js';
import type { Language } from '../shared/domain/languages.js';
import { SESSION_ENDED_EVENT } from './api/back-office-request.js';
import { portalApi } from './api/portal-api.js';
import { rememberLanguage } from './i18n.js';
import { Shell } from './Shell.js';
import { SignInPage } from './SignInPage.js';

type Phase = { name: 'loading' } | { name: 'signed-out'; sessionEnded: boolean } | { name: 'signed-in'; session: BackOfficeSession };

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState(initialLanguage);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  const chooseLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      rememberLanguage(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );

  useEffect(() => {
    void portalApi.session().then((session) => setPhase(session ? { name: 'signed-in', session } : { name: 'signed-out', sessionEnded: false }));
  }, []);

  // A page's call answered 401: the session ended while the page was open.
  const currentSession = phase.name === 'signed-in' ? phase.session.csrfToken : null;
  useEffect(() => {
    if (currentSession === null) return;
    const ended = (event: Event) => {
      if (event instanceof CustomEvent && event.detail === currentSession) setPhase({ name: 'signed-out', sessionEnded: true });
    };
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, [currentSession]);

  // Back on this tab, ask whether the session still lives: a sign-out in another tab, or expiry, ends it here too.
  useEffect(() => {
    if (phase.name !== 'signed-in') return;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      void portalApi.session().then((session) => {
        if (!session) setPhase({ name: 'signed-out', sessionEnded: true });
      });
    };
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [phase.name]);

  if (phase.name === 'loading') return null;
  if (phase.name === 'signed-out') {
    return <SignInPage language={language} onLanguage={chooseLanguage} sessionEnded={phase.sessionEnded} onSignedIn={(session) => setPhase({ name: 'signed-in', session })} />;
  }
  return (
    <Shell
      session={phase.session}
      language={language}
      onLanguage={chooseLanguage}
      onSignOut={async () => {
        await portalApi.signOut(phase.session);
        setPhase({ name: 'signed-out', sessionEnded: false });
      }}
    />
  );
}
