import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import './staff.css';

/** Where a clerk lands after signing in: who is signed in, what comes here later, and the way out. */
export function ClerkHomeScreen() {
  const { t } = useTranslation();
  const staff = useKioskStore((state) => state.staff);
  const signOutStaff = useKioskStore((state) => state.signOutStaff);
  return (
    <main className="screen clerk-home" data-screen="clerk-home">
      <header className="screen-header">
        <h1 data-testid="clerk-name">{t('staff:clerkHome.heading', { name: staff?.displayName ?? '' })}</h1>
      </header>
      <section className="screen-body">
        <p className="clerk-home-note">{t('staff:clerkHome.comingSoon')}</p>
      </section>
      <nav className="screen-actions">
        <button type="button" className="button exit" onClick={() => void signOutStaff()}>
          {t('staff:signOut')}
        </button>
      </nav>
    </main>
  );
}
