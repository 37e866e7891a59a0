import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLEET_ALARMS, type Fleet, type FleetSearch } from '../../shared/contract/fleet.js';
import { fleetApi, type FleetCallFailure } from '../api/fleet-api.js';
import { ALARM_LABELS, FleetTable } from '../fleet/FleetTable.js';
import { useDeskTime } from '../fleet/desk-time.js';
import '../styles/fleet.css';
import type { SectionPageProps } from './section-page.js';

/** How often the page asks again: a heartbeat comes every minute, so twice a minute shows a change soon enough. */
export const FLEET_REFRESH_SECONDS = 30;

const FAILURE_TEXTS = { 'signed-out': 'errors.signedOut', forbidden: 'errors.forbidden', invalid: 'errors.unavailable', unavailable: 'errors.unavailable' } as const satisfies Record<
  FleetCallFailure,
  string
>;

/**
 * The fleet: every kiosk with its latest heartbeat and alarms, filtered at the portal by office and
 * alarm. It refreshes itself; a refresh replaces the rows in place, so the filters and the scroll
 * stay, and a failed refresh keeps the last list and says when it was from.
 */
export function FleetPage({ session, language }: SectionPageProps) {
  const { t } = useTranslation('fleet');
  const { time, dateTime } = useDeskTime(language);
  const [search, setSearch] = useState<FleetSearch>({});
  const [fleet, setFleet] = useState<Fleet | null>(null);
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const [failure, setFailure] = useState<{ at: Date; failure: FleetCallFailure } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const latestRequest = useRef(0);

  const load = useCallback(
    (wanted: FleetSearch) => {
      const request = ++latestRequest.current;
      return fleetApi.fleet(session, wanted).then((answer) => {
        // An answer to a search the administrator has since changed is dropped: the newer one is on its way.
        if (request !== latestRequest.current) return;
        setRefreshing(false);
        if (answer.ok) {
          setFleet(answer.value);
          setRefreshedAt(new Date());
          setFailure(null);
        } else setFailure({ at: new Date(), failure: answer.failure });
      });
    },
    [session],
  );

  useEffect(() => {
    void load(search);
    const timer = window.setInterval(() => void load(search), FLEET_REFRESH_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [load, search]);

  const choose = (change: Partial<FleetSearch>) => setSearch((current) => withoutEmpty({ ...current, ...change }));

  return (
    <div className="fleet">
      {fleet && <p>{t('intro', { minutes: fleet.staleAfterMinutes })}</p>}
      <form className="fleet__filters" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="fleet-office">{t('filters.office')}</label>
          <select id="fleet-office" value={search.officeCode ?? ''} onChange={(event) => choose({ officeCode: event.target.value || undefined })}>
            <option value="">{t('filters.allOffices')}</option>
            {(fleet?.offices ?? []).map((office) => (
              <option key={office} value={office}>
                {office}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fleet-alarm">{t('filters.alarm')}</label>
          <select id="fleet-alarm" value={search.alarm ?? ''} onChange={(event) => choose({ alarm: (event.target.value || undefined) as FleetSearch['alarm'] })}>
            <option value="">{t('filters.allKiosks')}</option>
            <option value="any">{t('filters.anyAlarm')}</option>
            {FLEET_ALARMS.map((alarm) => (
              <option key={alarm} value={alarm}>
                {t(ALARM_LABELS[alarm])}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={refreshing}
          onClick={() => {
            setRefreshing(true);
            void load(search);
          }}
        >
          {refreshing ? t('refresh.refreshing') : t('refresh.now')}
        </button>
      </form>
      <div className="fleet__status" role="status" aria-live="polite">
        {!fleet && !failure && <p>{t('loading')}</p>}
        {refreshedAt && !failure && <p data-testid="fleet-refreshed">{t('refresh.lastRefreshed', { time: time(refreshedAt), seconds: FLEET_REFRESH_SECONDS })}</p>}
      </div>
      {failure && (
        <p className="error" role="alert" data-testid="fleet-refresh-failed">
          {fleet && refreshedAt && failure.failure === 'unavailable'
            ? t('refresh.failed', { time: time(failure.at), shown: time(refreshedAt) })
            : t(FAILURE_TEXTS[failure.failure])}
        </p>
      )}
      {fleet && (
        <>
          <p data-testid="fleet-count">{t('count', { shown: fleet.kiosks.length, total: fleet.total })}</p>
          {fleet.kiosks.length === 0 ? <p>{t('empty')}</p> : <FleetTable kiosks={fleet.kiosks} dateTime={dateTime} />}
        </>
      )}
    </div>
  );
}

function withoutEmpty(search: FleetSearch): FleetSearch {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined));
}
