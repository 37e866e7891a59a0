import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackOfficeSession } from '../shared/contract/backoffice.js';
import type { Language } from '../shared/domain/languages.js';
import { portalApi, type SignInRefusal } from './api/portal-api.js';
import { LanguageSwitch } from './LanguageSwitch.js';

interface SignInPageProps {
  language: Language;
  onLanguage: (language: Language) => void;
  onSignedIn: (session: BackOfficeSession) => void;
  /** Shown above the form when a session ended without this page signing out. */
  sessionEnded: boolean;
}

export function SignInPage({ language, onLanguage, onSignedIn, sessionEnded }: SignInPageProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<SignInRefusal | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await portalApi.signIn(username, password);
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.session);
      return;
    }
    setPassword('');
    setRefusal(result.refusal);
  }

  const time = (at: Date) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
  const message = (shown: SignInRefusal): string => {
    switch (shown.reason) {
      case 'wrong-credentials':
        return t('signIn.errors.wrongCredentials');
      case 'locked':
        return t('signIn.errors.locked', { until: time(shown.until) });
      case 'rate-limited':
        return t('signIn.errors.rateLimited', { until: time(shown.until) });
      case 'unavailable':
        return t('signIn.errors.unavailable');
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in__language">
        <LanguageSwitch language={language} onChange={onLanguage} />
      </div>
      <form className="sign-in__card" onSubmit={(event) => void submit(event)}>
        <p className="sign-in__product">{t('product')}</p>
        <h1>{t('signIn.title')}</h1>
        <p>{t('signIn.intro')}</p>
        {sessionEnded && !refusal && <p className="notice">{t('shell.sessionEnded')}</p>}
        <div className="field">
          <label htmlFor="username">{t('signIn.username')}</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <p className="error" role="alert">
          {refusal ? message(refusal) : ''}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
