import { createHash } from 'node:crypto';
import { auditChain } from '../../shared/audit/audit-chain.js';

/** The shared audit chain over node:crypto's SHA-256, as the kiosk host binds it. */
export const portalAuditChain = auditChain((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
