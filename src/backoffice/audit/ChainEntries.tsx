import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChainRef, AuditEntryView } from '../../shared/contract/audit-page.js';
import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import { auditApi } from '../api/audit-api.js';
import { formatAuditTime, formatDetails } from './format.js';
import { useKindLabel } from './kind-labels.js';

interface ChainEntriesProps {
  session: BackOfficeSession;
  chain: AuditChainRef;
  chainName: string;
  onClose: () => void;
}

type Loaded = { entries: AuditEntryView[]; before: number | null; state: 'idle' | 'loading' | 'failed' };

/** One chain's entries, newest first, a page at a time: "Older entries" reads the page below the last one shown. */
export function ChainEntries({ session, chain, chainName, onClose }: ChainEntriesProps) {
  const { t } = useTranslation('audit');
  const kindLabel = useKindLabel();
  const [loaded, setLoaded] = useState<Loaded>({ entries: [], before: null, state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);
  // The entries open below a table that may be long: the keyboard's focus goes to them.
  useEffect(() => heading.current?.focus(), []);

  const fetchPage = useCallback(
    (before: number | null, shown: AuditEntryView[]) =>
      auditApi.entries(session, chain, before).then((page) =>
        setLoaded(page.ok ? { entries: [...shown, ...page.value.entries], before: page.value.before, state: 'idle' } : { entries: shown, before, state: 'failed' }),
      ),
    [session, chain],
  );
  // Another chain starts again from its newest entry (the page keys this component by chain).
  useEffect(() => void fetchPage(null, []), [fetchPage]);
  const more = (before: number | null, shown: AuditEntryView[]) => {
    setLoaded({ entries: shown, before, state: 'loading' });
    void fetchPage(before, shown);
  };

  const { entries, before, state } = loaded;
  return (
    <section className="audit-entries" aria-labelledby="audit-entries-title">
      <div className="audit-entries__header">
        <h2 id="audit-entries-title" tabIndex={-1} ref={heading}>
          {t('entries.title', { chain: chainName })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('entries.close')}
        </button>
      </div>
      {entries.length > 0 && (
        <table className="data-table">
          <caption>{t('entries.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('entries.seq')}</th>
              <th scope="col">{t('entries.at')}</th>
              <th scope="col">{t('entries.kind')}</th>
              <th scope="col">{t('entries.actor')}</th>
              <th scope="col">{t('entries.subject')}</th>
              <th scope="col">{t('entries.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td>{formatAuditTime(entry.at)}</td>
                <td>
                  {kindLabel(entry.kind)} <code className="audit-code">{entry.kind}</code>
                </td>
                <td>{entry.actorName ?? entry.actor ?? ''}</td>
                <td>{entry.subject ?? ''}</td>
                <td>
                  <code className="audit-code">{formatDetails(entry.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* One live region, always there, so a screen reader hears each change of state. */}
      <p role="status">{state === 'loading' ? t('entries.loading') : state === 'idle' && entries.length === 0 ? t('entries.empty') : ''}</p>
      {state === 'failed' && (
        <p className="error" role="alert">
          {t('entries.failed')}
        </p>
      )}
      {/* Stays while the next page loads, so the keyboard's focus is not dropped onto the page. */}
      {(before !== null || state === 'failed') && (
        <button type="button" aria-disabled={state === 'loading'} onClick={() => state !== 'loading' && more(before, entries)}>
          {state === 'failed' ? t('load.retry') : t('entries.older')}
        </button>
      )}
    </section>
  );
}
