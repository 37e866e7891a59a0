import { z } from 'zod';
import { CHAIN_BREAKS } from '../audit/audit-chain.js';
import { isValidKioskCode } from '../domain/receipt-number.js';

/*
 * What the back office's audit page carries: the chains the portal holds (its own trail of what
 * officers and administrators did, and the copy of each kiosk's trail), a verification of one, and
 * a chain's entries newest first. Shared by the portal and the back office web app; the endpoints
 * are declared in portal.ts with the rest of the API.
 */

const seqSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const auditKioskCodeSchema = z.string().refine(isValidKioskCode, { error: 'A kiosk code is four characters of the receipt alphabet, such as BSK1.' });

/** Which chain: the portal's own, or the one a kiosk uploaded. */
export const auditChainRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('portal') }).strict(),
  z.object({ kind: z.literal('kiosk'), kioskCode: auditKioskCodeSchema }).strict(),
]);
export type AuditChainRef = z.infer<typeof auditChainRefSchema>;

/*
 * What the portal answers of stored entries is typed loosely on purpose: a row someone edited in
 * the database (a hash that is no hash, a time that is no time) must still be listed, and its
 * verification name the break, rather than the page fail to load exactly when it is needed.
 */
const storedText = z.string();

/** A chain's newest entry (its seq is the number of entries while the chain is whole). */
const chainHeadSchema = z.object({ seq: z.number().int(), entryHash: storedText, at: storedText });

export const auditChainSummarySchema = z.object({
  chain: auditChainRefSchema,
  /** Null for a chain with no entry yet (the portal's, before its first audited act). */
  head: chainHeadSchema.nullable(),
  /** For a kiosk's chain: when the portal stored its newest entry (the kiosk's last upload that added any). */
  receivedAt: storedText.nullable(),
});
export type AuditChainSummary = z.infer<typeof auditChainSummarySchema>;

/** GET: every chain the portal holds, its own first, then the kiosks' by code. */
export const auditChainsSchema = z.object({ chains: z.array(auditChainSummarySchema) });
export type AuditChains = z.infer<typeof auditChainsSchema>;

export const auditVerificationRequestSchema = z.object({ chain: auditChainRefSchema }).strict();
export type AuditVerificationRequest = z.infer<typeof auditVerificationRequestSchema>;

/**
 * The walk's verdict. For the portal's own chain it also names the append-only guards found
 * missing, and it is checked against the newest head this portal process appended or found at
 * its start, so a trail cut short since then is TRUNCATED rather than whole.
 */
export const auditVerificationSchema = z.object({
  chain: auditChainRefSchema,
  verifiedAt: z.iso.datetime(),
  result: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), entries: z.number().int().nonnegative(), head: z.object({ seq: z.number().int(), entryHash: storedText }).nullable() }),
    z.object({ ok: z.literal(false), brokenAt: z.number().int(), reason: z.enum(CHAIN_BREAKS) }),
  ]),
  missingGuards: z.array(z.string()),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const AUDIT_ENTRIES_PAGE_LIMIT = 100;

/** A page of a chain's entries, newest first: those before `before` (by seq), at most `limit`. */
export const auditEntriesRequestSchema = z
  .object({ chain: auditChainRefSchema, before: seqSchema.optional(), limit: z.number().int().min(1).max(AUDIT_ENTRIES_PAGE_LIMIT).optional() })
  .strict();
export type AuditEntriesRequest = z.infer<typeof auditEntriesRequestSchema>;

/** An entry as the page lists it; the details as stored (codes and numbers only: no entry carries a visitor's data). */
export const auditEntryViewSchema = z.object({
  seq: z.number().int(),
  at: storedText,
  kind: z.string(),
  actor: z.string().nullable(),
  /** For the portal's own trail: the username of the account the actor (`user:<id>`) names, when it still exists. */
  actorName: z.string().nullable(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  entryHash: storedText,
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** `before` for the next (older) page, or null when no older entry is stored. */
export const auditEntriesPageSchema = z.object({ entries: z.array(auditEntryViewSchema), before: z.number().int().nullable() });
export type AuditEntriesPage = z.infer<typeof auditEntriesPageSchema>;
