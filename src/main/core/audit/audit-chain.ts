import { createHash } from 'node:crypto';
import { auditChain } from '../../../shared/audit/audit-chain.js';

export { CHAIN_BREAKS, GENESIS_HASH, type ChainAnchor, type ChainBreak, type ChainEntry, type ChainVerification } from '../../../shared/audit/audit-chain.js';

/** The shared audit chain over node:crypto's SHA-256: the same hashes the portal checks the upload with. */
export const { contentHashOf, entryHashOf, verifyChain } = auditChain((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
