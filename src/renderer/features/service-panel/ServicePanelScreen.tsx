import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { COUNTED_KINDS } from '../../../shared/content/counted-kinds.js';
import { LoadState } from '../../ui/LoadState.js';
import { formatDateTime } from '../../ui/format.js';
import { useKioskStore } from '../../state/store.js';
import { EnrolmentSection } from '../enrolment/EnrolmentSection.js';
import { KioskAlarmNotices } from './KioskAlarmNotices.js';

/**
 * For the administrator at the kiosk: which content is active, the last checks and refusals with
 * their reasons, download progress, and the two manual actions. Shows no personal data.
 */
export function ServicePanelScreen() {
  const { t } = useTranslation();
  const status = useKioskStore((state) => state.contentStatus);
  const lastAction = useKioskStore((state) => state.lastAction);
  const refresh = useKioskStore((state) => state.refreshContentStatus);
  const check = useKioskStore((state) => state.checkForContentUpdate);
  const importFromMedia = useKioskStore((state) => state.importFromRemovableMedia);
  const signOutStaff = useKioskStore((state) => state.signOutStaff);
  const sync = useKioskStore((state) => state.syncStatus);
  const syncNow = useKioskStore((state) => state.syncNow);
  const busy = lastAction?.outcome.outcome === 'busy';
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : t('service-panel:never'));

  return (
    <main className="screen service-panel" data-screen="service-panel">
      <header className="screen-header">
        <h1>{t('service-panel:heading')}</h1>
      </header>
      <section className="screen-body">
        <LoadState loadable={status} retry={() => void refresh()}>
          {(current) => (
            <>
              {current.signedWithDemoKey && (
                <p className="error-panel" role="alert">
                  <span aria-hidden="true">⚠ </span>
                  {t('service-panel:demoKeyWarning')}
                </p>
              )}
              <FactList
                facts={[
                    [t('service-panel:activeVersion'), current.activeVersion ?? t('service-panel:none'), 'active-content-version'],
                    [t('service-panel:previousVersion'), current.previousVersion ?? t('service-panel:none')],
                    [t('service-panel:signedBy'), current.activeKeyId ?? t('service-panel:none')],
                    [t('service-panel:expires'), when(current.expires)],
                    [t('service-panel:portal'), current.portalUrl ?? t('service-panel:noPortal')],
                    [t('service-panel:lastCheck'), when(current.lastCheckAt)],
                  ]}
              />
              <div className="download-progress">
                <span>{t(`service-panel:download.${current.download.state}`)}</span>
                {current.download.totalBytes > 0 && (
                  <progress max={current.download.totalBytes} value={current.download.receivedBytes} aria-label={t('service-panel:downloadProgress')} />
                )}
              </div>
              <h2>{t('service-panel:history')}</h2>
              {current.events.length === 0 ? (
                <p>{t('service-panel:noHistory')}</p>
              ) : (
                <ul className="panel-history">
                  {current.events.map((event, index) => (
                    <li key={`${event.at}-${index}`} data-outcome={event.outcome}>
                      <strong>{when(event.at)}</strong> · {t(`service-panel:source.${event.source}`)} · {t(`service-panel:outcome.${event.outcome}`)}
                      {event.version !== null && ` · ${t('service-panel:version', { version: event.version })}`}
                      {event.code && (
                        <span className="panel-reason" data-code={event.code}>
                          {' '}
                          — {t(`service-panel:contentRejection.${event.code}`, { defaultValue: event.code })}
                        </span>
                      )}
                      {event.problem && (
                        <p className="panel-problem" data-rule={event.problem.rule}>
                          {t('service-panel:contentProblem.where', { file: event.problem.file, path: event.problem.path || '—' })}{' '}
                          {t(`service-panel:contentProblem.${event.problem.rule}`, problemValues(t, event.problem.values))}
                        </p>
                      )}
                      {event.detail && (
                        // The host words its technical detail in English for the logs; the panel keeps it
                        // folded under a translated label, so the row reads in the panel's language.
                        <details className="panel-detail">
                          <summary>{t('service-panel:technicalDetail')}</summary>
                          <span lang="en">{event.detail}</span>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </LoadState>
        {sync && (
          <section className="panel-sync" aria-labelledby="panel-sync-heading" data-sync-state={sync.state}>
            <h2 id="panel-sync-heading">{t('service-panel:sync.heading')}</h2>
            <FactList
                facts={[
                  [t('service-panel:sync.state'), t(`service-panel:sync.states.${sync.state}`), 'sync-state'],
                  [t('service-panel:sync.queued'), sync.queued, 'sync-queued'],
                  [t('service-panel:sync.quarantined'), sync.quarantined, 'sync-quarantined'],
                  [t('service-panel:sync.delivered'), sync.delivered, 'sync-delivered'],
                  [t('service-panel:sync.lastSync'), when(sync.lastSyncAt)],
                  [t('service-panel:sync.lastError'), sync.pausedReason ?? sync.lastError ?? t('service-panel:none')],
                ]}
              />
            {sync.state === 'paused' && (
              <p className="error-panel" role="alert">
                <span aria-hidden="true">⚠ </span>
                {t('service-panel:sync.pausedAlarm')}
              </p>
            )}
            {sync.auditAlarm && (
              <p className="error-panel" role="alert" data-testid="audit-alarm" data-broken-at={sync.auditAlarm.brokenAt}>
                <span aria-hidden="true">⚠ </span>
                {t('service-panel:sync.auditAlarm', { seq: sync.auditAlarm.brokenAt, reason: sync.auditAlarm.reason })}
              </p>
            )}
            <KioskAlarmNotices alarms={sync.kioskAlarms ?? []} />
            <button type="button" className="button secondary" onClick={() => void syncNow()}>
              {t('service-panel:sync.now')}
            </button>
          </section>
        )}
        <UpdateSection />
        <EnrolmentSection />
        {lastAction && !busy && (
          <p className="panel-action-result" role="status">
            {t(`service-panel:result.${lastAction.outcome.outcome}`)}
          </p>
        )}
      </section>
      <nav className="screen-actions">
        <button type="button" className="button secondary" disabled={busy} onClick={() => void check()}>
          {t('service-panel:checkNow')}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void importFromMedia()}>
          {t('service-panel:importFromMedia')}
        </button>
        <button type="button" className="button exit" onClick={() => void signOutStaff()}>
          {t('staff:signOut')}
        </button>
      </nav>
    </main>
  );
}

/** The kiosk's own software: what it is doing about an update, and the night it waits for to install one. */
function UpdateSection() {
  const { t } = useTranslation();
  const loadable = useKioskStore((state) => state.updateStatus);
  const update = loadable.status === 'ready' ? loadable.value : undefined;
  if (!update) return null;
  return (
    <section className="panel-update" aria-labelledby="panel-update-heading" data-update-state={update.state}>
      <h2 id="panel-update-heading">{t('service-panel:update.heading')}</h2>
      <FactList
        facts={[
          [t('service-panel:update.state'), t(`service-panel:update.states.${update.state}`, { version: update.version ?? '' }), 'update-state'],
          [t('service-panel:update.window'), t('service-panel:update.windowValue', { from: update.window.from, to: update.window.to })],
          [t('service-panel:update.nightlyRestart'), update.nightlyRestart ? t('service-panel:update.yes') : t('service-panel:update.no')],
          [t('service-panel:update.lastCheck'), update.lastCheckAt ? formatDateTime(update.lastCheckAt) : t('service-panel:never')],
        ]}
      />
      {update.state === 'downloading' && update.percent !== null && (
        <progress max={100} value={update.percent} aria-label={t('service-panel:update.progress')} />
      )}
    </section>
  );
}

type Fact = readonly [label: string, value: string | number, testId?: string];

/** A panel's label/value pairs; a test id where a test reads the value. */
function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="panel-facts">
      {facts.map(([label, value, testId]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A problem's values as the sentence needs them: what TOO_MANY counts is a code, worded here in the panel's language. */
function problemValues(t: TFunction, values: Record<string, string | number>): Record<string, string | number> {
  const what = values.what;
  if (typeof what !== 'string' || !(COUNTED_KINDS as readonly string[]).includes(what)) return values;
  return { ...values, what: t(`service-panel:contentProblem.counted.${what as (typeof COUNTED_KINDS)[number]}`, { category: values.category ?? '' }) };
}
