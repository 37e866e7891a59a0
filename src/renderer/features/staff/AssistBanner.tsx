import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore, type Screen } from '../../state/store.js';
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
        <span aria-hidden="true">👤 </span>
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
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) stay.current?.focus();
  }, [confirming]);
  if (!confirming) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="next-visitor-title" aria-describedby="next-visitor-text">
        <h2 id="next-visitor-title">{t('staff:nextVisitor.title')}</h2>
        <p id="next-visitor-text">{t('staff:nextVisitor.text')}</p>
        <div className="dialog-actions">
          <button type="button" className="button secondary" ref={stay} onClick={cancel}>
            {t('staff:nextVisitor.stay')}
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              nextVisitor();
              clearVisitTraces();
            }}
          >
            {t('staff:nextVisitor.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
