import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintState } from '../../state/types.js';
import { useKioskStore } from '../../state/store.js';
import { LoadState } from '../../ui/LoadState.js';
import { formatDateTime } from '../../ui/format.js';
import './staff.css';

/** The queue reloads on the host's pushes, but at most this often while a backlog drains. */
const RELOAD_AT_MOST_EVERY_MS = 1000;

/**
 * This kiosk's applications for the clerk: receipt number, service, time, state and who
 * assisted; reprint a receipt, send now, and whether the portal and the printer are there. The
 * host lists metadata only: nothing here names or describes a visitor.
 */
export function ClerkQueueScreen() {
  const { t } = useTranslation();
  const queue = useKioskStore((state) => state.clerkQueue);
  const reprints = useKioskStore((state) => state.queueReprints);
  const loadQueue = useKioskStore((state) => state.loadClerkQueue);
  const reprint = useKioskStore((state) => state.reprintReceipt);
  const sync = useKioskStore((state) => state.syncStatus);
  const syncNow = useKioskStore((state) => state.syncNow);
  const openClerkHome = useKioskStore((state) => state.openClerkHome);
  useReloadOnSyncChange(loadQueue);

  return (
    <main className="screen clerk-queue" data-screen="clerk-queue">
      <header className="screen-header">
        <h1>{t('staff:queue.heading')}</h1>
      </header>
      <section className="screen-body clerk-queue-body">
        <div className="clerk-queue-status" role="group" aria-label={t('staff:queue.statusLabel')}>
          {sync && (
            <p data-testid="queue-connectivity" data-sync-state={sync.state}>
              <strong>{t('staff:queue.portal')}:</strong> {t(`service-panel:sync.states.${sync.state}`)} ·{' '}
              {sync.lastSyncAt ? t('staff:queue.lastSync', { time: formatDateTime(sync.lastSyncAt) }) : t('staff:queue.neverSent')}
            </p>
          )}
          {queue.value && (
            <p data-testid="queue-printer" data-printer={queue.value.printer}>
              <strong>{t('staff:queue.printer')}:</strong> {t(`staff:queue.printerState.${queue.value.printer}`)}
            </p>
          )}
          <button type="button" className="button secondary" onClick={() => void syncNow()}>
            {t('service-panel:sync.now')}
          </button>
        </div>
        <LoadState loadable={queue} retry={() => void loadQueue()}>
          {(current) =>
            current.applications.length === 0 ? (
              <p className="status-message">{t('staff:queue.empty')}</p>
            ) : (
              <>
                <p className="clerk-queue-count">
                  {current.applications.length < current.totalInQueue
                    ? t('staff:queue.count', { shown: current.applications.length, count: current.totalInQueue })
                    : t('staff:queue.all', { count: current.totalInQueue })}
                </p>
                <ul className="clerk-queue-list" data-testid="queue-list">
                  {current.applications.map((item) => (
                    <li key={item.receiptNumber} className="clerk-queue-item" data-receipt-number={item.receiptNumber} data-state={item.state}>
                      <div className="clerk-queue-facts">
                        <p className="clerk-queue-number" aria-label={item.receiptNumber.split('').join(' ')}>
                          {item.receiptNumber}
                        </p>
                        <p>{item.serviceTitle}</p>
                        <p>
                          {formatDateTime(item.createdAt)} · <span className="clerk-queue-state">{t(`staff:queue.state.${item.state}`)}</span>
                          {item.state === 'quarantined' && item.quarantineReason && (
                            <span className="clerk-queue-reason" data-reason={item.quarantineReason}>
                              {' '}
                              — {t('staff:queue.quarantineReason', { reason: item.quarantineReason })}
                            </span>
                          )}
                        </p>
                        <p className="clerk-queue-clerk">
                          {item.assistedBy ? t('staff:queue.assistedBy', { name: item.assistedBy.displayName, staffId: item.assistedBy.staffId }) : t('staff:queue.byVisitor')}
                        </p>
                      </div>
                      <div className="clerk-queue-actions">
                        <button type="button" className="button secondary" disabled={reprints[item.receiptNumber]?.status === 'printing'} onClick={() => void reprint(item.receiptNumber)}>
                          {t('staff:queue.reprint')}
                        </button>
                        <ReprintStatus print={reprints[item.receiptNumber]} />
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </LoadState>
      </section>
      <nav className="screen-actions">
        <button type="button" className="button secondary" onClick={openClerkHome}>
          {t('staff:queue.back')}
        </button>
      </nav>
    </main>
  );
}

function ReprintStatus({ print }: { print: PrintState | undefined }) {
  const { t } = useTranslation();
  if (!print || print.status === 'idle') return null;
  return (
    <p className="print-status" role="status" data-print-status={print.status === 'done' ? print.outcome : print.status}>
      {print.status === 'done' ? t(`receipt:print.${print.outcome}`) : t('receipt:printing')}
    </p>
  );
}

/** Each push of the sync status (a delivery, a quarantine, a new application) reloads the list, at most once a second. */
function useReloadOnSyncChange(reload: () => Promise<void>) {
  const sync = useKioskStore((state) => state.syncStatus);
  const lastLoad = useRef(0);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const wait = Math.max(0, lastLoad.current + RELOAD_AT_MOST_EVERY_MS - Date.now());
    const timer = setTimeout(() => {
      lastLoad.current = Date.now();
      void reload();
    }, wait);
    return () => clearTimeout(timer);
  }, [sync, reload]);
}
