import { describe, expect, it } from 'vitest';
import { catalogueStaffDirectory } from '../../../../src/main/core/staff/staff-directory.js';
import type { CatalogueDocument } from '../../../../src/shared/content/content-schema.js';
import type { StaffRecord } from '../../../../src/shared/content/staff-schema.js';
import { testCatalogue, testService } from '../../../support/content-fixtures.js';
import { TEST_CLERK, TEST_TECHNICIAN } from '../../../support/staff-fixtures.js';

describe('the staff directory sign-in reads', () => {
  const catalogue: CatalogueDocument = {
    ...testCatalogue([testService('birth')]),
    staff: [TEST_TECHNICIAN],
  };
  const withLockout = { ...catalogue, settings: { ...catalogue.settings, staffLockoutMinutes: 25 } };

  it('is the content package’s staff while no signed list is held, and the list’s once one is; the lockout is the catalogue’s either way', () => {
    let held: readonly StaffRecord[] | undefined;
    const directory = catalogueStaffDirectory(() => withLockout, () => held);
    expect(directory.staff()).toEqual([TEST_TECHNICIAN]);
    held = [TEST_CLERK];
    expect(directory.staff()).toEqual([TEST_CLERK]);
    expect(directory.lockoutMinutes()).toBe(25);
    // A held list that is empty is still the list: nobody from the package signs in.
    held = [];
    expect(directory.staff()).toEqual([]);
  });

  it('is nobody without content or a list', () => {
    expect(catalogueStaffDirectory(() => undefined).staff()).toEqual([]);
  });
});
