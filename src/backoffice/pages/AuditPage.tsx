import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainBreak } from '../../shared/audit/audit-chain.js';
import type { AuditChainRef, AuditChainSummary, AuditVerification } from '../../shared/contract/audit-page.js';
import { auditApi } from '../api/audit-api.js';
import { ChainEntries } from '../audit/ChainEntries.js';
import { formatAuditTime } from '../audit/format.js';
import '../styles/audit.css';
import type { SectionPageProps } from './section-page.js';

/** Why a chain breaks, as literal keys so a missing translation fails the locale test. */
const BREAK_REASONS = {
  CONTENT_EDITED: 'reasons.CONTENT_EDITED',
  HASH_EDITED: 'reasons.HASH_EDITED',
  LINK_BROKEN: 'reasons.LINK_BROKEN',
  SEQ_GAP: 'reasons.SEQ_GAP',
  TRUNCATED: 'reasons.TRUNCATED',
  ANCHOR_MISMATCH: 'reasons.ANCHOR_MISMATCH',
} as const satisfies Record<ChainBreak, string>;

const keyOf = (chain: AuditChainRef) => (chain.kind === 'portal' ? 'portal' : `kiosk:${chain.kioskCode}`);

type Verdict = { state: 'verifying' } | { state: 'failed' } | { state: 'done'; verification: AuditVerification };

/**
 * The audit page: every chain the portal holds (its own trail first, then each kiosk's upload) with
 * its newest entry; Verify walks one chain and says whether it holds or where and why it breaks;
 * Show entries lists a chain newest first.
 */
export function AuditPage({ session }: SectionPageProps) {
  const { t } = useTranslation('audit');
  const [chains, setChains] = useState<AuditChainSummary[] | 'loading' | 'failed'>('loading');
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [shown, setShown] = useState<AuditChainRef | null>(null);
  // Closing the entries gives the keyboard's focus back to the button that opened them.
  const opener = useRef<HTMLButtonElement | null>(null);
  const closeEntries = () => {
    setShown(null);
    opener.current?.focus();
  };

  const fetchChains = useCallback(() => auditApi.chains(session).then((answer) => setChains(answer.ok ? answer.value.chains : 'failed')), [session]);
  useEffect(() => void fetchChains(), [fetchChains]);
  const retry = () => {
    setChains('loading');
    void fetchChains();
  };

  const verify = async (chain: AuditChainRef) => {
    const key = keyOf(chain);
    setVerdicts((current) => ({ ...current, [key]: { state: 'verifying' } }));
    const answer = await auditApi.verify(session, chain);
    setVerdicts((current) => ({ ...current, [key]: answer.ok ? { state: 'done', verification: answer.value } : { state: 'failed' } }));
  };

  const chainName = (chain: AuditChainRef) => (chain.kind === 'portal' ? t('chains.portal') : t('chains.kiosk', { kioskCode: chain.kioskCode }));

  const verdictText = (verdict: Verdict | undefined) => {
    if (!verdict) return <span className="audit-verdict">{t('chains.notVerified')}</span>;
    if (verdict.state === 'verifying') return <span className="audit-verdict">{t('chains.verifying')}</span>;
    if (verdict.state === 'failed') return <span className="audit-verdict audit-verdict--broken">{t('verification.failed')}</span>;
    const { result, missingGuards, verifiedAt } = verdict.verification;
    return (
      <>
        {result.ok ? (
          <span className="audit-verdict audit-verdict--ok">{t('verification.ok', { entries: result.entries, time: formatAuditTime(verifiedAt) })}</span>
        ) : (
          <span className="audit-verdict audit-verdict--broken">{t('verification.broken', { seq: result.brokenAt, reason: t(BREAK_REASONS[result.reason]) })}</span>
        )}
        {missingGuards.length > 0 && <span className="audit-verdict audit-verdict--broken">{t('verification.missingGuards', { guards: missingGuards.join(', ') })}</span>}
      </>
    );
  };

  return (
    <div className="audit-page">
      <p>{t('intro')}</p>
      <p role="status">{chains === 'loading' ? t('load.loading') : ''}</p>
      {chains === 'failed' && (
        <div role="alert">
          <p className="error">{t('load.failed')}</p>
          <button type="button" onClick={retry}>
            {t('load.retry')}
          </button>
        </div>
      )}
      {Array.isArray(chains) && (
        <table className="data-table">
          <caption>{t('chains.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chains.chain')}</th>
              <th scope="col">{t('chains.entries')}</th>
              <th scope="col">{t('chains.newest')}</th>
              <th scope="col">{t('chains.received')}</th>
              <th scope="col">{t('chains.verification')}</th>
              <th scope="col">{t('chains.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {chains.map((summary) => {
              const key = keyOf(summary.chain);
              const name = chainName(summary.chain);
              const verdict = verdicts[key];
              return (
                <tr key={key}>
                  <th scope="row">{name}</th>
                  <td>{summary.head?.seq ?? 0}</td>
                  <td>{summary.head ? formatAuditTime(summary.head.at) : t('chains.noEntries')}</td>
                  <td>{summary.receivedAt ? formatAuditTime(summary.receivedAt) : t('chains.notApplicable')}</td>
                  <td aria-live="polite">{verdictText(verdict)}</td>
                  <td>
                    <div className="audit-actions">
                      <button
                        type="button"
                        aria-disabled={verdict?.state === 'verifying'}
                        aria-label={`${t('chains.verify')}: ${name}`}
                        onClick={() => verdict?.state !== 'verifying' && void verify(summary.chain)}
                      >
                        {t('chains.verify')}
                      </button>
                      <button
                        type="button"
                        aria-label={`${t('chains.show')}: ${name}`}
                        onClick={(event) => {
                          opener.current = event.currentTarget;
                          setShown(summary.chain);
                        }}
                      >
                        {t('chains.show')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown && <ChainEntries key={keyOf(shown)} session={session} chain={shown} chainName={chainName(shown)} onClose={closeEntries} />}
    </div>
  );
}
