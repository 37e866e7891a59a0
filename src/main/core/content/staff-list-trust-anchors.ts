import { existsSync, readFileSync } from 'node:fs';
import { staffListTrustAnchorsSchema, type StaffListTrustAnchor } from '../../../shared/content/signed-staff-list.js';

/** Where the staff-list keys are when the shell does not say (the app's resources folder, from the working folder). */
export const DEFAULT_STAFF_LIST_TRUST_FILE = 'resources/trust/staff-list-keys.json';

/**
 * The staff-list signing keys this kiosk trusts (resources/trust/staff-list-keys.json): a file of
 * its own, read only by the staff-list verifier, so that these keys can never sign content.
 * Undefined when the build has no such file (the kiosk then takes staff from its content package
 * only); a file that is there but malformed throws, as the content trust file does.
 */
export function readStaffListTrustAnchors(file: string): StaffListTrustAnchor[] | undefined {
  if (!existsSync(file)) return undefined;
  return staffListTrustAnchorsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
