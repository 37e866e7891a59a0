import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/domain/languages.js';
import { useKioskStore } from '../../state/store.js';
import { formatClock } from '../../ui/format.js';
import { useCardReader } from '../staff/card-reader.js';

/** The idle screen: says what the kiosk is in all three languages and starts a visit on any touch. */
export function AttractScreen() {
  const startVisit = useKioskStore((state) => state.startVisit);
  const officeName = useKioskStore((state) => state.info?.officeName);
  const openStaffSignIn = useKioskStore((state) => state.openStaffSignIn);
  const hold = useLongPress(() => openStaffSignIn());
  // A staff card through the reader opens the sign-in with its number, ready for the PIN.
  useCardReader(openStaffSignIn);
  const { i18n } = useTranslation();
  const now = useClock();

  return (
    <main className="screen attract" data-screen="attract">
      <button type="button" className="attract-touch" onClick={startVisit}>
        <span className="attract-titles">
          {LANGUAGES.map((language) => (
            <span key={language} lang={language} className={`attract-title attract-title-${language}`}>
              {i18n.getFixedT(language)('attract:title')}
            </span>
          ))}
        </span>
        <span className="attract-cta">
          {LANGUAGES.map((language) => (
            <span key={language} lang={language}>
              {i18n.getFixedT(language)('attract:touchToStart')}
            </span>
          ))}
        </span>
      </button>
      <footer className="attract-footer">
        {/* Staff sign in by holding the office name for three seconds. */}
        <span lang="ky" className="attract-office" data-testid="office-name" {...hold}>
          {officeName?.ky}
        </span>
        <SyncIndicator />
        <time dateTime={now.toISOString()}>{formatClock(now)}</time>
      </footer>
    </main>
  );
}

/**
 * For staff passing by: is the kiosk reaching the portal, and how many applications wait. Numbers
 * only, never anything about an applicant.
 */
function SyncIndicator() {
  const { t } = useTranslation();
  const status = useKioskStore((state) => state.syncStatus);
  const loadSyncStatus = useKioskStore((state) => state.loadSyncStatus);
  // Loaded once when the attract screen opens; the host pushes every change after that.
  useEffect(() => {
    void loadSyncStatus();
  }, [loadSyncStatus]);
  if (!status || status.state === 'not-configured') return null;
  const healthy = status.state !== 'offline' && status.state !== 'paused';
  return (
    <span className={`sync-indicator${healthy ? '' : ' problem'}`} data-testid="sync-indicator" data-sync-state={status.state} lang="ky">
      <span aria-hidden="true">{healthy ? '●' : '▲'} </span>
      {t(`service-panel:sync.states.${status.state}`, { lng: 'ky' })} · {t('attract:queued', { lng: 'ky', count: status.queued })}
    </span>
  );
}

const LONG_PRESS_MS = 3000;

function useLongPress(onLongPress: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const cancel = () => clearTimeout(timer.current);
  useEffect(() => cancel, []);
  return {
    onPointerDown: () => {
      cancel();
      timer.current = setTimeout(onLongPress, LONG_PRESS_MS);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
    onContextMenu: (event: { preventDefault: () => void }) => event.preventDefault(),
  };
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
