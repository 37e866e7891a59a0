import { createStaffRequestSchema } from '../../shared/contract/staff-page.js';

/** The add form's fields, in the order the form shows them (the first wrong one takes the focus). */
export const STAFF_FIELDS = ['officeCode', 'staffId', 'displayName', 'roles', 'cardNumber'] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];
export type FieldErrors = Partial<Record<StaffField, true>>;

/** The fields a request fails on, by the contract's own schema: the portal checks the same one. */
export function invalidStaffFields(request: unknown): FieldErrors {
  const parsed = createStaffRequestSchema.safeParse(request);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (STAFF_FIELDS as readonly string[]).includes(field)) errors[field as StaffField] = true;
  }
  return errors;
}
