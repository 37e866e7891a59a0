import { useTranslation } from 'react-i18next';
import { useKioskStore, type Screen } from '../../state/store.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { clearVisitTraces, wipeVisit } from '../visit/wipe.js';

/** Where a banner would only repeat the screen's own heading, or where nobody can be signed in yet. */
const NO_BANNER: ReadonlySet<Screen> = new Set<Screen>(['attract', 'staff-sign-in']);
/** The clerk's own screens: the banner names the clerk, the screen has its own way on. */
const CLERK_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['clerk-home', 'clerk-queue', 'service-panel']);

/**
 * On every screen while staff are signed in: who is signed in, so a visitor (and a supervisor)
 * can see that a clerk is filling this application. On the visitor's screens it also carries the
 * clerk's two ways on: the next visitor, and back to the clerk's home.
 */
export function AssistBanner() {
  const { t } = useTranslation();
  const staff = useKioskStore((state) => state.staff);
  const screen = useKioskStore((state) => state.screen);
  const requestNextVisitor = useKioskStore((state) => state.requestNextVisitor);
  if (!staff || NO_BANNER.has(screen)) return null;
  const inVisit = !CLERK_SCREENS.has(screen);
  return (
    <aside className="assist-banner" data-testid="assist-banner" aria-label={t('staff:banner.label')}>
      <p className="assist-banner-who">
        {t(inVisit ? 'staff:banner.assisting' : 'staff:banner.signedIn', { name: staff.displayName, staffId: staff.staffId })}
      </p>
      {inVisit && staff.roles.includes('clerk') && (
        <div className="assist-banner-actions">
          <button type="button" className="button secondary aid" onClick={wipeVisit}>
            {t('staff:banner.clerkHome')}
          </button>
          <button type="button" className="button primary aid" onClick={requestNextVisitor}>
            {t('staff:banner.nextVisitor')}
          </button>
        </div>
      )}
    </aside>
  );
}

/** "Next visitor" erases what is on screen, so it asks first, with staying as the default. */
export function NextVisitorDialog() {
  const { t } = useTranslation();
  const confirming = useKioskStore((state) => state.confirmingNextVisitor);
  const cancel = useKioskStore((state) => state.cancelNextVisitor);
  const nextVisitor = useKioskStore((state) => state.nextVisitor);
  if (!confirming) return null;
  return (
    <ConfirmDialog
      id="next-visitor"
      title={t('staff:nextVisitor.title')}
      text={t('staff:nextVisitor.text')}
      stayLabel={t('staff:nextVisitor.stay')}
      confirmLabel={t('staff:nextVisitor.confirm')}
      confirmKind="primary"
      onStay={cancel}
      onConfirm={() => {
        nextVisitor();
        clearVisitTraces();
      }}
    />
  );
}
