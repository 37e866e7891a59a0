import { z } from 'zod';
import { contentIdSchema } from '../../../shared/content/content-schema.js';
import { CONTENT_REJECTION_CODES } from '../../../shared/content/package-verification.js';
import { STAFF_LIST_REJECTION_CODES } from '../../../shared/content/signed-staff-list.js';
import { STAFF_ROLES, staffIdSchema } from '../../../shared/content/staff-schema.js';
import { isValidOfficeCode } from '../../../shared/domain/receipt-number.js';
import { normaliseReceiptNumber } from '../../../shared/domain/receipt-number.js';
import { CHAIN_BREAKS } from '../../../shared/audit/audit-chain.js';

/*
 * What the audit trail may hold, kind by kind. Every field is an id, a code from a fixed list or a
 * count: there is no free text anywhere, so a visitor's name, answers or a PIN cannot be written
 * into the trail by mistake. Objects are strict, so a field that is not declared here is refused
 * rather than dropped: the caller learns at once that it tried to record something it must not.
 */

const receiptNumberSchema = z.string().refine((value) => normaliseReceiptNumber(value) === value, 'a receipt number as printed');
/** A content package version, as the subject's text. */
const contentVersionSubjectSchema = z.string().regex(/^[1-9]\d{0,9}$/, 'a content package version');
const keyIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a signing key id');
const contentSourceSchema = z.enum(['bundled', 'portal', 'folder']);
/** An error code as the portal answers it (upper-case letters, digits and underscores). */
const codeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'an error code');
const countSchema = z.number().int().min(0).max(1_000_000);
/** A content package version as a number: a manifest may number by date (2026120201), far above any count. */
const contentVersionSchema = z.number().int().min(1).max(9_999_999_999);
/** A moment as the trail writes its own times: ISO 8601 in UTC, to the millisecond. */
const instantSchema = z.iso.datetime({ precision: 3 });

/**
 * Why a staff session ended: the person signed out (or a new sign-in replaced them), the clerk idle
 * timer ran out (on the page, or on the host when the page stopped asking), or content or a staff
 * list applied while they were signed in no longer has their record or a role the session held,
 * or gives their record another PIN hash (a PIN reset ends a session opened with the old PIN).
 */
export const STAFF_SIGN_OUT_REASONS = ['signed-out', 'idle-timeout', 'staff-record-removed', 'role-removed', 'pin-changed'] as const;
export type StaffSignOutReason = (typeof STAFF_SIGN_OUT_REASONS)[number];

/**
 * Who may or must be named as the actor of a kind: the staff id of a record on the staff list, or
 * nobody. Never what was typed for an id that no record has, nor a card number: both are digits
 * like a staff id (a PIN typed in the wrong field would pass this check), so the caller names an
 * actor only from the record it found.
 */
const requiredStaff = staffIdSchema;
const optionalStaff = staffIdSchema.nullable();
const nobody = z.null();
const noSubject = z.null();

const KIND_SCHEMAS = {
  /**
   * A staff member signed in on this kiosk, with every role of their record. Entries recorded
   * before roles were listed name one `role`; they stay in the chain as stored, since only a new
   * entry is checked against its kind.
   */
  staff_sign_in: {
    actor: requiredStaff,
    subject: noSubject,
    details: z.strictObject({
      roles: z
        .array(z.enum(STAFF_ROLES))
        .min(1)
        .max(STAFF_ROLES.length)
        .refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice')
        .readonly(),
      method: z.enum(['staff_id', 'card']),
    }),
  },
  /**
   * A staff session ended. The entry's time is when it was recorded; when the host itself found a
   * session idle for too long, `expiredAt` says when it actually ran out, which may be earlier.
   */
  staff_sign_out: {
    actor: requiredStaff,
    subject: noSubject,
    details: z.strictObject({ reason: z.enum(STAFF_SIGN_OUT_REASONS), expiredAt: instantSchema.optional() }),
  },
  /** A sign-in that did not succeed; the actor only when the id or card belongs to a staff record. */
  staff_sign_in_failed: {
    actor: optionalStaff,
    subject: noSubject,
    details: z.strictObject({ reason: z.enum(['WRONG_PIN', 'UNKNOWN_STAFF', 'LOCKED', 'UNKNOWN_CARD']), failedAttempts: countSchema.optional() }),
  },
  /** An id or card locked on this kiosk after wrong PINs; the actor only when it belongs to a staff record. */
  staff_locked: {
    actor: optionalStaff,
    subject: noSubject,
    details: z.strictObject({ failedAttempts: countSchema, lockedMinutes: countSchema }),
  },
  /** A clerk submitted an application for a visitor: the receipt number, never the answers. */
  assisted_application: {
    actor: requiredStaff,
    subject: receiptNumberSchema,
    details: z.strictObject({ serviceId: contentIdSchema, contentVersion: contentVersionSchema }),
  },
  /** A receipt printed again; by a clerk from the queue, or on the receipt screen with nobody signed in. */
  receipt_reprint: {
    actor: optionalStaff,
    subject: receiptNumberSchema,
    details: z.strictObject({ outcome: z.enum(['printed', 'saved', 'failed']), reason: z.enum(['NO_PRINTER', 'PRINT_FAILED']).optional() }),
  },
  content_applied: {
    actor: optionalStaff,
    subject: contentVersionSubjectSchema,
    details: z.strictObject({ source: contentSourceSchema, keyId: keyIdSchema }),
  },
  /** A package refused by its verification (its code), or one that failed to apply (INSTALL_FAILED). */
  content_refused: {
    actor: optionalStaff,
    subject: noSubject,
    details: z.strictObject({ source: contentSourceSchema, code: z.enum([...CONTENT_REJECTION_CODES, 'INSTALL_FAILED']) }),
  },
  /** A signed staff list from the portal is now the kiosk's staff: its version, office and signing key. */
  staff_list_applied: {
    actor: nobody,
    subject: contentVersionSubjectSchema,
    details: z.strictObject({ officeCode: z.string().refine(isValidOfficeCode, 'an office code'), keyId: keyIdSchema }),
  },
  /**
   * A staff list refused by its verification (its code): one from the portal, or the one held in
   * the database when it no longer verified at start-up (edited on the disk, or its key no longer trusted).
   */
  staff_list_refused: {
    actor: nobody,
    subject: noSubject,
    details: z.strictObject({ source: z.enum(['portal', 'stored']), code: z.enum(STAFF_LIST_REJECTION_CODES) }),
  },
  /** An import from removable media and how it ended (the package's own entry follows as applied or refused). */
  usb_import: {
    actor: optionalStaff,
    subject: noSubject,
    details: z.strictObject({ outcome: z.enum(['applied', 'unchanged', 'not-found', 'rejected', 'failed']) }),
  },
  /**
   * Sending stopped until an administrator acts: the portal refused the kiosk's credential, or it
   * has none; or the portal refused this trail's chain (brokenAt and the reason it named).
   */
  sync_alarm: {
    actor: nobody,
    subject: noSubject,
    details: z.strictObject({
      alarm: z.enum(['CREDENTIAL_REFUSED', 'NO_CREDENTIAL', 'AUDIT_CHAIN_REFUSED']),
      status: z.union([z.literal(401), z.literal(403)]).optional(),
      code: codeSchema.optional(),
      brokenAt: countSchema.optional(),
      reason: z.enum([...CHAIN_BREAKS, 'REFUSED']).optional(),
    }),
  },
  /**
   * A technician enrolled this kiosk with a one-time code: it now delivers with the credential the
   * portal issued for it (which revoked any earlier one). Neither the code nor the credential is recorded.
   */
  kiosk_enrolled: {
    actor: requiredStaff,
    subject: noSubject,
    details: z.strictObject({ replacedCredential: z.boolean() }),
  },
  panel_action: {
    actor: optionalStaff,
    subject: noSubject,
    details: z.strictObject({ action: z.enum(['send-now', 'load-from-usb', 'check-for-update']) }),
  },
} as const satisfies Record<string, { actor: z.ZodType<string | null>; subject: z.ZodType<string | null>; details: z.ZodObject }>;

type KindSchemas = typeof KIND_SCHEMAS;
export type AuditKind = keyof KindSchemas;
/** Every kind, declared once above; the portal and the panel read the list from here. */
export const AUDIT_KINDS = Object.keys(KIND_SCHEMAS) as AuditKind[];

/** What a caller records: the kind and its fields. The trail adds seq, time and hashes. */
export type AuditEntryInput = {
  [K in AuditKind]: {
    kind: K;
    actor: z.input<KindSchemas[K]['actor']>;
    subject: z.input<KindSchemas[K]['subject']>;
    details: z.input<KindSchemas[K]['details']>;
  };
}[AuditKind];

export type AuditDetails = Record<string, string | number | readonly string[]>;

/** Raised for an entry the trail must not hold. The message names fields and rules, never the values given. */
export class AuditEntryRefused extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`audit entry refused: ${problems.join('; ')}`);
    this.name = 'AuditEntryRefused';
  }
}

const entrySchemas = new Map<string, z.ZodType>(
  AUDIT_KINDS.map((kind) => {
    const { actor, subject, details } = KIND_SCHEMAS[kind];
    return [kind, z.strictObject({ kind: z.literal(kind), actor, subject, details })];
  }),
);

export function isAuditKind(kind: string): kind is AuditKind {
  return entrySchemas.has(kind);
}

/** Checks an entry against its kind's schema; throws AuditEntryRefused for anything else. */
export function parseAuditEntry(input: unknown): AuditEntryInput {
  const kind = typeof input === 'object' && input !== null ? (input as { kind?: unknown }).kind : undefined;
  const schema = typeof kind === 'string' ? entrySchemas.get(kind) : undefined;
  if (!schema) throw new AuditEntryRefused(['kind: not an audit kind']);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AuditEntryRefused(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${describeIssue(issue)}`));
  }
  return parsed.data as AuditEntryInput;
}

/** The rule that failed, never the value: zod's own messages may quote what was given. */
function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? `no such field (${issue.keys.join(', ')})` : issue.code;
}
