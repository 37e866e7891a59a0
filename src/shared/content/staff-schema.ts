import { z } from 'zod';
import { STAFF_CARD_NUMBER_PATTERN, STAFF_PIN_MAX_DIGITS, STAFF_PIN_MIN_DIGITS } from './staff-identifiers.js';

/**
 * Staff who may sign in at a kiosk, as the signed content package carries them. A PIN is never in
 * the package, only its scrypt hash with the cost it was made with, so a kiosk checks a PIN with
 * the very parameters the record states and a later package can raise the cost record by record.
 */

export const STAFF_ROLES = ['clerk', 'technician'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Digits only, so that it can be typed on the sign-in screen's digit layout. */
export const staffIdSchema = z.string().regex(/^\d{4,8}$/, 'a staff id is 4 to 8 digits');

export const staffCardNumberSchema = z.string().regex(STAFF_CARD_NUMBER_PATTERN, 'a staff card number is 8 to 20 digits');

export { STAFF_PIN_MAX_DIGITS, STAFF_PIN_MIN_DIGITS };
export const staffPinSchema = z
  .string()
  .regex(new RegExp(`^\\d{${STAFF_PIN_MIN_DIGITS},${STAFF_PIN_MAX_DIGITS}}$`), `a PIN is ${STAFF_PIN_MIN_DIGITS} to ${STAFF_PIN_MAX_DIGITS} digits`);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes a well-formed base64 text decodes to, without decoding it (this layer has no Buffer). */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

const base64Schema = z.string().max(256).regex(BASE64, 'base64');

/** A salt shorter than this could repeat across records and let one guess serve several of them. */
export const MIN_SALT_BYTES = 16;

const isPowerOfTwo = (value: number) => Number.isInteger(value) && value > 0 && (value & (value - 1)) === 0;

/**
 * scrypt's parameters, bounded both ways: below 2^14 a guess is too cheap; above the memory limit a
 * kiosk could be made to run out of memory at every sign-in.
 */
export const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;
export const pinHashSchema = z
  .object({
    algorithm: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine(isPowerOfTwo, 'N is a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(4),
    keyLength: z.number().int().min(16).max(64),
    salt: base64Schema.refine((salt) => base64ByteLength(salt) >= MIN_SALT_BYTES, `the salt is at least ${MIN_SALT_BYTES} bytes`),
    hash: base64Schema,
  })
  .superRefine((pinHash, ctx) => {
    if (128 * pinHash.N * pinHash.r > MAX_SCRYPT_MEMORY_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['r'], message: `N × r needs more than ${MAX_SCRYPT_MEMORY_BYTES / 1024 / 1024} MiB` });
    }
    if (BASE64.test(pinHash.hash) && base64ByteLength(pinHash.hash) !== pinHash.keyLength) {
      ctx.addIssue({ code: 'custom', path: ['hash'], message: `the hash is not ${pinHash.keyLength} bytes (keyLength)` });
    }
  });
export type PinHash = z.infer<typeof pinHashSchema>;

export const staffRecordSchema = z.object({
  staffId: staffIdSchema,
  /** Shown on the banner while the person is signed in; plain text, never markup. */
  displayName: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'a display name has no control or format characters'),
  roles: z
    .array(z.enum(STAFF_ROLES))
    .min(1, 'a staff member has at least one role')
    .refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice'),
  pinHash: pinHashSchema,
  cardNumber: staffCardNumberSchema.optional(),
});
export type StaffRecord = z.infer<typeof staffRecordSchema>;

/** More than any office has staff; a longer list is a mistake, not a roster. */
export const MAX_STAFF_RECORDS = 2000;

/** The staff list: one record per staff id and per card, since either one names who signs in. */
export const staffListSchema = z
  .array(staffRecordSchema)
  .max(MAX_STAFF_RECORDS)
  .superRefine((records, ctx) => {
    const ids = new Set<string>();
    const cards = new Set<string>();
    records.forEach((record, index) => {
      if (ids.has(record.staffId)) ctx.addIssue({ code: 'custom', path: [index, 'staffId'], message: `duplicate staff id ${record.staffId}` });
      ids.add(record.staffId);
      if (record.cardNumber === undefined) return;
      // The number itself stays out of the message: it opens a sign-in.
      if (cards.has(record.cardNumber)) ctx.addIssue({ code: 'custom', path: [index, 'cardNumber'], message: 'duplicate staff card number' });
      cards.add(record.cardNumber);
    });
  });
