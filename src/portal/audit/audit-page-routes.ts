import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { AuditOverview } from './audit-overview.js';

/** The back office's audit page: the chains, a verification of one, and a chain's entries. Roles and CSRF are the authenticator's. */
export function auditPageRoutes(overview: AuditOverview): Pick<EndpointHandlers, 'auditChains' | 'verifyAuditChain' | 'listAuditEntries'> {
  return {
    auditChains: async () => ({ status: 200, body: await overview.chains() }),
    verifyAuditChain: async ({ body }) => {
      const verification = await overview.verify(body.chain);
      if (!verification) throw new Refusal(404, 'NOT_FOUND', 'This kiosk has uploaded no audit entry: there is no chain to verify.');
      return { status: 200, body: verification };
    },
    listAuditEntries: async ({ body }) => ({ status: 200, body: await overview.entries(body.chain, body.before, body.limit) }),
  };
}
