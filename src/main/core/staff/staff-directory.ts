import type { CatalogueDocument } from '../../../shared/content/content-schema.js';
import type { StaffDirectory } from './staff-sign-in.js';

/**
 * The staff of the active content package, read at each attempt: a package applied while the
 * kiosk runs adds and removes staff at once. Without content nobody can sign in.
 */
export function catalogueStaffDirectory(activeCatalogue: () => CatalogueDocument | undefined): StaffDirectory {
  return {
    staff: () => activeCatalogue()?.staff ?? [],
    lockoutMinutes: () => activeCatalogue()?.settings.staffLockoutMinutes,
  };
}
