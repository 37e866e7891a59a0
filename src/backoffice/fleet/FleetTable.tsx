import { useTranslation } from 'react-i18next';
import type { FleetAlarm, FleetErrorKind, FleetKiosk } from '../../shared/contract/fleet.js';
import { UPDATE_STATES, type UpdateState } from '../../shared/contract/update-states.js';
import { decimal } from '../../shared/locales/formats.js';

export const ALARM_LABELS = {
  'never-reported': 'alarms.neverReported',
  stale: 'alarms.stale',
  'queue-stuck': 'alarms.queueStuck',
  quarantined: 'alarms.quarantined',
  printer: 'alarms.printer',
  screens: 'alarms.screens',
  'disk-low': 'alarms.diskLow',
  'disk-full': 'alarms.diskFull',
  'log-writes-failing': 'alarms.logWritesFailing',
  'out-of-service': 'alarms.outOfService',
  'update-failed': 'alarms.updateFailed',
} as const satisfies Record<FleetAlarm, string>;

const ERROR_LABELS = {
  sync_alarm: 'errorKinds.syncAlarm',
  content_refused: 'errorKinds.contentRefused',
  staff_list_refused: 'errorKinds.staffListRefused',
} as const satisfies Record<FleetErrorKind, string>;

const UPDATE_LABELS = {
  off: 'update.off',
  'up-to-date': 'update.upToDate',
  checking: 'update.checking',
  downloading: 'update.downloading',
  ready: 'update.ready',
  installing: 'update.installing',
  error: 'update.error',
} as const satisfies Record<UpdateState, string>;

function isUpdateState(state: string): state is UpdateState {
  return (UPDATE_STATES as readonly string[]).includes(state);
}

const PRINTER_LABELS: Record<string, 'printer.ready' | 'printer.noPrinter' | 'printer.error' | 'printer.pdf'> = {
  ready: 'printer.ready',
  'no-printer': 'printer.noPrinter',
  error: 'printer.error',
  pdf: 'printer.pdf',
};

/** The fleet's rows: one per kiosk, its alarms in words (never by colour alone). */
export function FleetTable({ kiosks, dateTime }: { kiosks: readonly FleetKiosk[]; dateTime: (at: string) => string }) {
  const { t, i18n } = useTranslation('fleet');
  // Tenths of a GiB: enough to see a disk filling, in the desk's decimal comma or point.
  const gibibytes = (bytes: number) => decimal(Math.floor((bytes / 1024 ** 3) * 10) / 10, i18n.language);
  return (
    <div className="fleet__table-frame">
      <table className="fleet__table" data-testid="fleet-table">
        <caption>{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.kiosk')}</th>
            <th scope="col">{t('table.office')}</th>
            <th scope="col">{t('table.lastHeartbeat')}</th>
            <th scope="col">{t('table.appVersion')}</th>
            <th scope="col">{t('table.contentVersion')}</th>
            <th scope="col">{t('table.queue')}</th>
            <th scope="col">{t('table.quarantined')}</th>
            <th scope="col">{t('table.printer')}</th>
            <th scope="col">{t('table.screens')}</th>
            <th scope="col">{t('table.freeDisk')}</th>
            <th scope="col">{t('table.update')}</th>
            <th scope="col">{t('table.alarms')}</th>
            <th scope="col">{t('table.recentErrors')}</th>
          </tr>
        </thead>
        <tbody>
          {kiosks.map((kiosk) => {
            const beat = kiosk.lastHeartbeat;
            const notReported = t('notReported');
            const printer = beat ? PRINTER_LABELS[beat.printerState] : undefined;
            return (
              <tr key={kiosk.kioskCode} data-kiosk={kiosk.kioskCode} className={kiosk.alarms.length > 0 ? 'fleet__row--alarm' : undefined}>
                <th scope="row">{kiosk.kioskCode}</th>
                <td>{kiosk.officeCode}</td>
                <td>{beat ? dateTime(beat.receivedAt) : t('never')}</td>
                <td data-column="app-version">{beat?.appVersion ?? notReported}</td>
                <td data-column="content-version">{beat?.contentVersion ?? notReported}</td>
                <td data-column="queue">
                  {beat && beat.queueDepth !== null
                    ? beat.oldestQueuedAgeSeconds !== null && beat.queueDepth > 0
                      ? t('queueOldest', { count: beat.queueDepth, minutes: Math.floor(beat.oldestQueuedAgeSeconds / 60) })
                      : beat.queueDepth
                    : beat?.lastKnownQueue
                      ? t('queueLastKnown', { count: beat.lastKnownQueue.queueDepth, at: dateTime(beat.lastKnownQueue.receivedAt) })
                      : notReported}
                </td>
                <td>{beat?.quarantined ?? notReported}</td>
                <td>{beat ? (printer ? t(printer) : beat.printerState) : notReported}</td>
                <td>
                  {beat && (beat.screenFailures !== null || beat.unavailableServices !== null)
                    ? t('screensValue', { failures: beat.screenFailures ?? 0, unavailable: beat.unavailableServices ?? 0 })
                    : notReported}
                </td>
                <td data-column="free-disk">{beat && beat.freeDiskBytes !== null ? t('freeDiskValue', { gib: gibibytes(beat.freeDiskBytes) }) : notReported}</td>
                <td data-column="update">
                  {beat?.updateState != null
                    ? isUpdateState(beat.updateState)
                      ? t(UPDATE_LABELS[beat.updateState], { version: beat.updateVersion ?? '' })
                      : beat.updateState
                    : notReported}
                </td>
                <td data-column="alarms">
                  {kiosk.alarms.length === 0 ? (
                    t('noAlarms')
                  ) : (
                    <ul className="fleet__alarms">
                      {kiosk.alarms.map((alarm) => (
                        <li key={alarm}>
                          {alarm === 'out-of-service' && beat?.outOfServiceCode
                            ? t('outOfServiceWithCode', { code: beat.outOfServiceCode })
                            : t(ALARM_LABELS[alarm])}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-column="recent-errors">
                  {kiosk.recentErrors.length === 0 ? (
                    t('noAlarms')
                  ) : (
                    <ul className="fleet__alarms">
                      {kiosk.recentErrors.map((error) => (
                        <li key={`${error.at}-${error.kind}-${error.code}`}>
                          {t('recentError', { what: t(ERROR_LABELS[error.kind]), code: error.code, at: dateTime(error.at) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
