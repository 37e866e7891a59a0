import { z } from 'zod';
import { STAFF_ROLES, staffCardNumberSchema, staffIdSchema, staffRecordSchema } from '../content/staff-schema.js';
import { officeCodeSchema } from './fleet.js';

/**
 * The back office's staff page: administrators create clerks and technicians for an office,
 * disable and re-enable them, and reset their PINs. The portal makes each PIN, shows it once in
 * the answer that made it, and keeps only its scrypt hash; every change raises the office's
 * staff-list version and is published to that office's kiosks as a signed staff list
 * (signed-staff-list.ts). Shared by the portal and the back office web app; the endpoints are
 * declared in portal.ts.
 */

export const STAFF_STATES = ['active', 'disabled'] as const;
export type StaffState = (typeof STAFF_STATES)[number];

/** The digits of a PIN the portal makes: random, so no birthday or 123456 ever reaches a kiosk. */
export const ISSUED_PIN_DIGITS = 6;
export const issuedPinSchema = z.string().regex(new RegExp(`^\\d{${ISSUED_PIN_DIGITS}}$`));

/** Refusals the page words in the desk's language. */
export const STAFF_REFUSAL_CODES = [
  /** Another record of the office already has this staff id. */
  'STAFF_ID_TAKEN',
  /** Another active record of the office already has this card. */
  'CARD_TAKEN',
  /** No record with this office and staff id. */
  'STAFF_NOT_FOUND',
] as const;
export type StaffRefusalCode = (typeof STAFF_REFUSAL_CODES)[number];
export const STAFF_REFUSED_CODE = 'STAFF_REFUSED';
export const staffRefusedSchema = z.object({
  error: z.object({ code: z.literal(STAFF_REFUSED_CODE), reason: z.enum(STAFF_REFUSAL_CODES), message: z.string() }),
});

export const displayNameSchema = staffRecordSchema.shape.displayName;
export const staffRolesSchema = staffRecordSchema.shape.roles;

/** One staff member as the page lists them: never a PIN or its hash. */
export const staffMemberSchema = z.object({
  officeCode: z.string(),
  staffId: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  cardNumber: z.string().nullable(),
  state: z.enum(STAFF_STATES),
  createdAt: z.iso.datetime(),
  /** When the PIN was last made (at creation or by a reset). */
  pinIssuedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

/** The office filter is optional: without it, every office's staff. */
export const staffSearchSchema = z.object({ officeCode: officeCodeSchema.optional() }).strict();
export type StaffSearch = z.infer<typeof staffSearchSchema>;

/** Each office's published list: the version its kiosks are offered, and when it was signed. */
export const officeStaffListSchema = z.object({ officeCode: z.string(), version: z.number().int().positive(), issuedAt: z.iso.datetime() });

export const staffPageSchema = z.object({
  staff: z.array(staffMemberSchema),
  lists: z.array(officeStaffListSchema),
  /** False when the portal has no staff-list key: changes are kept, but no kiosk receives them. */
  publishing: z.boolean(),
});
export type StaffPage = z.infer<typeof staffPageSchema>;

export const createStaffRequestSchema = z
  .object({
    officeCode: officeCodeSchema,
    staffId: staffIdSchema,
    displayName: displayNameSchema,
    roles: staffRolesSchema,
    cardNumber: staffCardNumberSchema.optional(),
  })
  .strict();
export type CreateStaffRequest = z.infer<typeof createStaffRequestSchema>;

const staffKeySchema = { officeCode: officeCodeSchema, staffId: staffIdSchema };

export const staffStateRequestSchema = z.object({ ...staffKeySchema, state: z.enum(STAFF_STATES) }).strict();
export type StaffStateRequest = z.infer<typeof staffStateRequestSchema>;

export const pinResetRequestSchema = z.object(staffKeySchema).strict();
export type PinResetRequest = z.infer<typeof pinResetRequestSchema>;

/** A created record, or a reset one: the PIN is in this answer and nowhere else, ever. */
export const pinIssuedSchema = z.object({ member: staffMemberSchema, pin: issuedPinSchema, listVersion: z.number().int().positive() });
export type PinIssued = z.infer<typeof pinIssuedSchema>;

export const staffStateChangedSchema = z.object({ member: staffMemberSchema, listVersion: z.number().int().positive() });
export type StaffStateChanged = z.infer<typeof staffStateChangedSchema>;

/** Small bodies: ids, a name, roles. */
export const STAFF_BODY_LIMIT = 4 * 1024;
