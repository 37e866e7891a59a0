import type { CatalogueDocument } from '../../../shared/content/content-schema.js';
import type { StaffRecord } from '../../../shared/content/staff-schema.js';
import type { StaffDirectory } from './staff-sign-in.js';

/**
 * The staff who may sign in, read at each attempt: the signed staff list from the portal once the
 * kiosk holds one, the active content package's staff otherwise (a package applied while the kiosk
 * runs adds and removes them at once). The lockout period is always the catalogue's setting.
 * Without content or a list nobody can sign in.
 */
export function catalogueStaffDirectory(
  activeCatalogue: () => CatalogueDocument | undefined,
  heldStaffList: () => readonly StaffRecord[] | undefined = () => undefined,
): StaffDirectory {
  return {
    staff: () => heldStaffList() ?? activeCatalogue()?.staff ?? [],
    lockoutMinutes: () => activeCatalogue()?.settings.staffLockoutMinutes,
  };
}
