import { AUDIT_CHAIN_REFUSAL_CODE } from '../../shared/contract/portal.js';
import type { EndpointHandlers } from '../http/endpoint-types.js';
import type { AuditChainService } from './audit-chain-service.js';

/** POST /v1/audit-entries: the kiosk is the one behind the credential, never one the body names. */
export function auditRoutes(audit: AuditChainService): Pick<EndpointHandlers, 'uploadAuditEntries'> {
  return {
    uploadAuditEntries: async ({ body, kioskCode }) => {
      const result = await audit.upload(kioskCode, body.entries);
      if (result.outcome === 'broken') {
        const { brokenAt, reason, message } = result;
        return { status: 409, body: { error: { code: AUDIT_CHAIN_REFUSAL_CODE, message, brokenAt, reason } } };
      }
      return { status: 200, body: { head: result.head, stored: result.stored } };
    },
  };
}
