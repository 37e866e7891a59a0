import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import './staff.css';

/**
 * Where a clerk lands after signing in and after each visitor: start an application for the
 * visitor at the counter, see this kiosk's queue, or sign out. Touch only, large targets.
 */
export function ClerkHomeScreen() {
  const { t } = useTranslation();
  const staff = useKioskStore((state) => state.staff);
  const helpVisitor = useKioskStore((state) => state.helpVisitor);
  const openQueue = useKioskStore((state) => state.openClerkQueue);
  const openServicePanel = useKioskStore((state) => state.openServicePanel);
  const signOutStaff = useKioskStore((state) => state.signOutStaff);
  return (
    <main className="screen clerk-home" data-screen="clerk-home">
      <header className="screen-header">
        <h1 data-testid="clerk-name">{t('staff:clerkHome.heading', { name: staff?.displayName ?? '' })}</h1>
      </header>
      <section className="screen-body clerk-home-actions">
        <button type="button" className="button primary clerk-home-action" onClick={helpVisitor}>
          <span className="clerk-home-action-title">{t('staff:clerkHome.helpVisitor')}</span>
          <span className="clerk-home-action-note">{t('staff:clerkHome.helpVisitorNote')}</span>
        </button>
        <button type="button" className="button secondary clerk-home-action" onClick={openQueue}>
          <span className="clerk-home-action-title">{t('staff:clerkHome.queue')}</span>
          <span className="clerk-home-action-note">{t('staff:clerkHome.queueNote')}</span>
        </button>
        {staff?.roles.includes('technician') && (
          <button type="button" className="button secondary clerk-home-action" onClick={openServicePanel}>
            <span className="clerk-home-action-title">{t('staff:clerkHome.servicePanel')}</span>
          </button>
        )}
      </section>
      <nav className="screen-actions">
        <button type="button" className="button exit" onClick={() => void signOutStaff()}>
          {t('staff:signOut')}
        </button>
      </nav>
    </main>
  );
}
