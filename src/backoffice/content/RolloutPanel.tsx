import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import type { ContentRollout, RolloutTarget } from '../../shared/contract/content-rollout.js';
import type { Language } from '../../shared/domain/languages.js';
import { contentApi } from '../api/content-api.js';

const LOCALES: Record<Language, string> = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-GB' };

type Notice = { kind: 'assigned' | 'widened'; version: number } | { kind: 'error'; reason: 'chooseTarget' | 'behind' | 'failed' };

/** The published versions with where each goes, the newest's rollout to offices, kiosks or all, and what each kiosk runs. */
export function RolloutPanel({ session, language, refreshKey }: { session: BackOfficeSession; language: Language; refreshKey: number }) {
  const { t } = useTranslation('content');
  const [rollout, setRollout] = useState<ContentRollout | null | 'loading' | 'failed'>('loading');
  const [offices, setOffices] = useState<ReadonlySet<string>>(new Set());
  const [kiosks, setKiosks] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const ids = { versions: useId(), assign: useId(), fleet: useId() };
  const dates = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' });

  // Each refresh (a publish, an assignment, the button) asks again; the table shown stays until the answer comes.
  const [reloads, setReloads] = useState(0);
  const load = useCallback(() => setReloads((count) => count + 1), []);
  useEffect(() => {
    let current = true;
    void contentApi.rollout().then((answer) => {
      if (current) setRollout(answer ?? 'failed');
    });
    return () => {
      current = false;
    };
  }, [reloads, refreshKey]);

  if (rollout === 'loading') return <p role="status">{t('rollout.loading')}</p>;
  if (rollout === 'failed' || rollout === null) {
    return (
      <div role="alert" className="error-summary">
        <p>{t('rollout.loadFailed')}</p>
        <button type="button" onClick={() => load()}>
          {t('rollout.refresh')}
        </button>
      </div>
    );
  }

  const newest = rollout.versions[0];
  const officeCodes = [...new Set(rollout.kiosks.map((kiosk) => kiosk.officeCode))].sort();
  const targetName = (target: RolloutTarget) => (target.kind === 'all' ? t('rollout.all') : target.kind === 'office' ? t('rollout.office', { code: target.code }) : t('rollout.kiosk', { code: target.code }));
  const toggle = (set: ReadonlySet<string>, code: string) => {
    const next = new Set(set);
    if (!next.delete(code)) next.add(code);
    return next;
  };

  async function assign(version: number, targets: RolloutTarget[], kind: 'assigned' | 'widened') {
    if (targets.length === 0) return setNotice({ kind: 'error', reason: 'chooseTarget' });
    setBusy(true);
    const result = await contentApi.assign(session, version, targets);
    setBusy(false);
    if (!result.ok) return setNotice({ kind: 'error', reason: result.reason === 'behind-all' ? 'behind' : 'failed' });
    setNotice({ kind, version });
    setOffices(new Set());
    setKiosks(new Set());
    load();
  }

  return (
    <>
      <section className="content-panel" aria-labelledby={ids.versions}>
        <h2 id={ids.versions}>{t('rollout.title')}</h2>
        <button type="button" onClick={() => load()}>
          {t('rollout.refresh')}
        </button>
        {rollout.versions.length === 0 ? (
          <p>{t('rollout.none')}</p>
        ) : (
          <table className="content-table">
            <caption>{t('rollout.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rollout.version')}</th>
                <th scope="col">{t('rollout.created')}</th>
                <th scope="col">{t('rollout.expires')}</th>
                <th scope="col">{t('rollout.assignedTo')}</th>
              </tr>
            </thead>
            <tbody>
              {rollout.versions.map((entry) => (
                <tr key={entry.version}>
                  <th scope="row">{entry.version}</th>
                  <td>{dates.format(new Date(entry.created))}</td>
                  <td>{dates.format(new Date(entry.expires))}</td>
                  <td>{entry.assignedTo.length === 0 ? t('rollout.nowhere') : entry.assignedTo.map(targetName).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {newest ? (
        <section className="content-panel" aria-labelledby={ids.assign}>
          <h2 id={ids.assign}>{t('assign.title', { version: newest.version })}</h2>
          <p>{t('assign.hint')}</p>
          {rollout.kiosks.length === 0 ? <p>{t('assign.noKiosks')}</p> : null}
          <div className="assign-choices">
            {officeCodes.length > 0 ? (
              <fieldset>
                <legend>{t('assign.offices')}</legend>
                {officeCodes.map((code) => (
                  <div className="check-field" key={code}>
                    <input id={`${ids.assign}-office-${code}`} type="checkbox" checked={offices.has(code)} onChange={() => setOffices(toggle(offices, code))} />
                    <label htmlFor={`${ids.assign}-office-${code}`}>{t('assign.officeOption', { code })}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            {rollout.kiosks.length > 0 ? (
              <fieldset>
                <legend>{t('assign.kiosks')}</legend>
                {rollout.kiosks.map(({ kioskCode }) => (
                  <div className="check-field" key={kioskCode}>
                    <input id={`${ids.assign}-kiosk-${kioskCode}`} type="checkbox" checked={kiosks.has(kioskCode)} onChange={() => setKiosks(toggle(kiosks, kioskCode))} />
                    <label htmlFor={`${ids.assign}-kiosk-${kioskCode}`}>{t('rollout.kiosk', { code: kioskCode })}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
          </div>
          <div className="assign-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void assign(
                  newest.version,
                  [...[...offices].map((code): RolloutTarget => ({ kind: 'office', code })), ...[...kiosks].map((code): RolloutTarget => ({ kind: 'kiosk', code }))],
                  'assigned',
                )
              }
            >
              {t('assign.submit')}
            </button>
            <button type="button" disabled={busy} onClick={() => void assign(newest.version, [{ kind: 'all' }], 'widened')}>
              {t('assign.widen')}
            </button>
          </div>
          <div role="status" className="assign-notice">
            {notice?.kind === 'assigned' ? <p className="notice">{t('assign.assigned', { version: notice.version })}</p> : null}
            {notice?.kind === 'widened' ? <p className="notice">{t('assign.widened', { version: notice.version })}</p> : null}
          </div>
          <div role="alert">{notice?.kind === 'error' ? <p className="error">{t(`assign.${notice.reason}`)}</p> : null}</div>
        </section>
      ) : null}

      <section className="content-panel" aria-labelledby={ids.fleet}>
        <h2 id={ids.fleet}>{t('fleet.title')}</h2>
        <table className="content-table">
          <caption>{t('fleet.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fleet.kiosk')}</th>
              <th scope="col">{t('fleet.office')}</th>
              <th scope="col">{t('fleet.offered')}</th>
              <th scope="col">{t('fleet.running')}</th>
              <th scope="col">{t('fleet.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {rollout.kiosks.map((kiosk) => (
              <tr key={kiosk.kioskCode}>
                <th scope="row">{kiosk.kioskCode}</th>
                <td>{kiosk.officeCode}</td>
                <td>{kiosk.offeredVersion ?? t('fleet.nothing')}</td>
                <td>{kiosk.runningVersion ?? t('fleet.nothing')}</td>
                <td>{kiosk.reportedAt ? dates.format(new Date(kiosk.reportedAt)) : t('fleet.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
