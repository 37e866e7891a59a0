import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import { auditChainsSchema, auditEntriesPageSchema, auditVerificationSchema, type AuditChainRef } from '../../shared/contract/audit-page.js';
import { PORTAL_ENDPOINTS } from '../../shared/contract/portal.js';
import { callPortal } from './back-office-request.js';

/** The audit page's calls: the chains, one chain's verification, a page of its entries. */
export const auditApi = {
  chains: (session: BackOfficeSession) => callPortal(session, 'GET', PORTAL_ENDPOINTS.auditChains.path({}), auditChainsSchema),
  verify: (session: BackOfficeSession, chain: AuditChainRef) => callPortal(session, 'POST', PORTAL_ENDPOINTS.verifyAuditChain.path({}), auditVerificationSchema, { chain }),
  entries: (session: BackOfficeSession, chain: AuditChainRef, before: number | null) =>
    callPortal(session, 'POST', PORTAL_ENDPOINTS.listAuditEntries.path({}), auditEntriesPageSchema, { chain, ...(before ? { before } : {}) }),
};
