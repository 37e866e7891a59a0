import type { EndpointHandlers } from '../http/endpoint-types.js';
import type { AuditOverview } from './audit-overview.js';

/** The back office's audit page: the chains, a verification of one, and a chain's entries. Roles and CSRF are the authenticator's. */
export function auditPageRoutes(overview: AuditOverview): Pick<EndpointHandlers, 'auditChains' | 'verifyAuditChain' | 'listAuditEntries'> {
  return {
    auditChains: async () => ({ status: 200, body: await overview.chains() }),
    verifyAuditChain: async ({ body }) => ({ status: 200, body: await overview.verify(body.chain) }),
    listAuditEntries: async ({ body }) => ({ status: 200, body: await overview.entries(body.chain, body.before, body.limit) }),
  };
}
