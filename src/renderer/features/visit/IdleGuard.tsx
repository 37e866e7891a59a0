import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import { wipeStaffSession, wipeVisit } from './wipe.js';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Watches for a visitor who walked away: after the idle time from the content settings it warns
 * with a countdown and a large "I need more time" (WCAG 2.2.1), then wipes the visit. While staff
 * are signed in the clerk's own idle time counts instead, and its end signs the clerk out and
 * wipes everything; touches meanwhile tell the host the clerk is still there.
 */
export function IdleGuard() {
  const { t } = useTranslation();
  const screen = useKioskStore((state) => state.screen);
  const staffSignedIn = useKioskStore((state) => state.staff !== undefined);
  const idleSeconds = useKioskStore((state) => (staffSignedIn ? (state.info?.clerkIdleSeconds ?? 900) : (state.info?.visitorIdleSeconds ?? 120)));
  const warningSeconds = useKioskStore((state) => state.info?.idleWarningSeconds ?? 30);
  const wording = staffSignedIn ? 'staff:idle' : 'common:idle';
  const [remaining, setRemaining] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const active = screen !== 'attract';
  const moreTime = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    const noteActivity = () => {
      lastActivity.current = Date.now();
      if (staffSignedIn) void useKioskStore.getState().keepStaffSessionAlive();
    };
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, noteActivity, { capture: true, passive: true });
    const timer = setInterval(() => {
      const idleFor = (Date.now() - lastActivity.current) / 1000;
      if (idleFor >= idleSeconds) {
        setRemaining(null);
        if (staffSignedIn) wipeStaffSession();
        else wipeVisit();
      } else if (idleFor >= idleSeconds - warningSeconds) {
        setRemaining(Math.ceil(idleSeconds - idleFor));
      } else {
        setRemaining(null);
      }
    }, 250);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) document.removeEventListener(name, noteActivity, { capture: true });
      setRemaining(null);
    };
  }, [active, idleSeconds, warningSeconds, staffSignedIn]);

  const warning = remaining !== null;
  useEffect(() => {
    if (warning) moreTime.current?.focus();
  }, [warning]);

  if (remaining === null) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title">{t(`${wording}.title`)}</h2>
        <p id="idle-text" aria-live="polite">
          {t(`${wording}.text`, { count: remaining })}
        </p>
        <button
          type="button"
          className="button primary"
          ref={moreTime}
          onClick={() => {
            lastActivity.current = Date.now();
            setRemaining(null);
          }}
        >
          {t('common:idle.moreTime')}
        </button>
      </div>
    </div>
  );
}
