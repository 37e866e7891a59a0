import { z } from 'zod';
import { isValidOfficeCode } from '../domain/receipt-number.js';
import { ed25519Verify } from './package-verification.js';
import { staffListSchema } from './staff-schema.js';

/**
 * The staff list of one office, as the portal publishes it to that office's kiosks between content
 * packages, so that a clerk added, disabled or given a new PIN in the back office reaches the
 * counter within minutes and without a new signed catalogue.
 *
 * It is signed by the portal's online staff-list key, not by the offline content key: the portal
 * must sign each change as it happens. Kiosks trust that key for staff records only:
 * - its public half lives in its own trust file (resources/trust/staff-list-keys.json), read only
 *   by the staff-list verifier; the content verifier never sees it, so a stolen staff-list key can
 *   never sign a catalogue, a form or a sample;
 * - every signature is over STAFF_LIST_SIGNATURE_CONTEXT followed by the document's exact bytes,
 *   so a signature made for a staff list can never verify as a content manifest's (whose bytes are
 *   signed alone) even if a key were put in the wrong trust file;
 * - the document names its office and a version: a kiosk refuses another office's list, and one
 *   not newer than the list it holds (no replay of a list from before a clerk was disabled).
 */

/** Bytes signed before the document: names what is signed, so no signature serves two purposes. */
export const STAFF_LIST_SIGNATURE_CONTEXT = 'kyzmat-kiosk staff-list v1\n';

/** The signed message: the context, then the document's UTF-8 bytes exactly as sent. */
export function staffListSignedBytes(documentBytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const context = new TextEncoder().encode(STAFF_LIST_SIGNATURE_CONTEXT);
  const message = new Uint8Array(context.length + documentBytes.length);
  message.set(context, 0);
  message.set(documentBytes, context.length);
  return message;
}

/** A staff list of 2,000 records (MAX_STAFF_RECORDS) is about 700 KiB; more is not a roster. */
export const MAX_STAFF_LIST_DOCUMENT_BYTES = 1024 * 1024;

const officeCodeSchema = z.string().refine(isValidOfficeCode, { error: 'an office code is three characters of the receipt alphabet' });

/** What is signed. Disabled staff are simply absent: a kiosk that holds a list knows only who may sign in. */
export const staffListDocumentSchema = z
  .object({
    kind: z.literal('staff-list'),
    officeCode: officeCodeSchema,
    /** Per office, raised by every change; a kiosk takes only a newer one. */
    version: z.number().int().positive(),
    issuedAt: z.iso.datetime(),
    staff: staffListSchema,
  })
  .strict();
export type StaffListDocument = z.infer<typeof staffListDocumentSchema>;

/** The answer of GET /v1/staff-list: the document as text (its bytes are what was signed) and the signature. */
export const signedStaffListSchema = z
  .object({
    /** The JSON text of a StaffListDocument, exactly as signed. */
    document: z.string().max(MAX_STAFF_LIST_DOCUMENT_BYTES),
    keyId: z.string().min(1).max(64),
    algorithm: z.literal('Ed25519'),
    /** Ed25519 over staffListSignedBytes(UTF-8 of document), base64. */
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict();
export type SignedStaffList = z.infer<typeof signedStaffListSchema>;

/** Why a kiosk refused a staff list; each cause its own code, as content refusals are. */
export const STAFF_LIST_REJECTION_CODES = [
  'STAFF_LIST_MALFORMED',
  'STAFF_LIST_KEY_UNTRUSTED',
  'STAFF_LIST_SIGNATURE_INVALID',
  'STAFF_LIST_OTHER_OFFICE',
  'STAFF_LIST_NOT_NEWER',
] as const;
export type StaffListRejectionCode = (typeof STAFF_LIST_REJECTION_CODES)[number];

export class StaffListRejection extends Error {
  constructor(
    readonly code: StaffListRejectionCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'StaffListRejection';
  }
}

/** A staff-list signing key the kiosk trusts (same shape as a content trust anchor, kept in its own file). */
export const staffListTrustAnchorsSchema = z
  .array(
    z.object({
      keyId: z.string().min(1).max(64),
      /** Raw 32-byte Ed25519 public key, base64. */
      publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
      note: z.string().optional(),
    }),
  )
  .min(1);
export type StaffListTrustAnchor = z.infer<typeof staffListTrustAnchorsSchema>[number];

export interface StaffListContext {
  trustAnchors: readonly StaffListTrustAnchor[];
  /** The office this kiosk serves (from its kiosk code). */
  officeCode: string;
  /** The version of the list the kiosk holds, or null before its first. */
  currentVersion: number | null;
}

/**
 * Checks the signature over the document's exact bytes BEFORE the document is parsed, then its
 * office and version. Throws StaffListRejection; answers the document only when all of it holds.
 */
export async function verifySignedStaffList(answer: unknown, context: StaffListContext): Promise<StaffListDocument> {
  const envelope = signedStaffListSchema.safeParse(answer);
  if (!envelope.success) throw new StaffListRejection('STAFF_LIST_MALFORMED', 'not a signed staff list');
  const { document, keyId, signature } = envelope.data;
  const anchor = context.trustAnchors.find((candidate) => candidate.keyId === keyId);
  if (!anchor) throw new StaffListRejection('STAFF_LIST_KEY_UNTRUSTED', `key ${keyId} is not a trusted staff-list key`);
  const documentBytes = new TextEncoder().encode(document);
  if (!(await ed25519Verify(anchor.publicKey, signature, staffListSignedBytes(documentBytes)))) {
    throw new StaffListRejection('STAFF_LIST_SIGNATURE_INVALID', `the signature does not match the list and key ${keyId}`);
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(document);
  } catch {
    throw new StaffListRejection('STAFF_LIST_MALFORMED', 'the signed document is not JSON');
  }
  const parsed = staffListDocumentSchema.safeParse(parsedJson);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StaffListRejection('STAFF_LIST_MALFORMED', `the signed document is not a staff list (${first ? `${first.path.join('.')}: ${first.message}` : 'schema'})`);
  }
  const list = parsed.data;
  if (list.officeCode !== context.officeCode) {
    throw new StaffListRejection('STAFF_LIST_OTHER_OFFICE', `the list is for office ${list.officeCode}; this kiosk serves ${context.officeCode}`);
  }
  if (context.currentVersion !== null && list.version <= context.currentVersion) {
    throw new StaffListRejection('STAFF_LIST_NOT_NEWER', `version ${list.version} is not newer than ${context.currentVersion}`);
  }
  return list;
}
