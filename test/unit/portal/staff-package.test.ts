import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentBuildError, buildPackage } from '../../../src/portal/content/package-builder.js';
import { CATALOGUE_PART, type CatalogueDocument } from '../../../src/shared/content/content-schema.js';
import { ContentRejection, checkCatalogue } from '../../../src/shared/content/package-verification.js';
import type { StaffRecord } from '../../../src/shared/content/staff-schema.js';
import { useTempFolder } from '../../support/temp-folder.js';

const tempFolder = useTempFolder();
const SOURCE = 'resources/content-source';
const NOW = new Date('2026-12-01T00:00:00Z');

const bundledStaff = () => JSON.parse(readFileSync(join(SOURCE, 'staff.json'), 'utf8')) as StaffRecord[];

/** A copy of the sample content whose staff.json is the given list, or absent. */
function sourceWithStaff(staff: unknown[] | undefined): string {
  const folder = join(tempFolder(), 'source');
  cpSync(SOURCE, folder, { recursive: true });
  if (staff === undefined) rmSync(join(folder, 'staff.json'));
  else writeFileSync(join(folder, 'staff.json'), JSON.stringify(staff));
  return folder;
}

function packagedStaff(source: string): StaffRecord[] {
  const catalogue = JSON.parse(Buffer.from(buildPackage(source, NOW).get(CATALOGUE_PART)!).toString('utf8')) as CatalogueDocument;
  return catalogue.staff;
}

function buildProblems(source: string): string[] {
  try {
    buildPackage(source, NOW);
  } catch (error) {
    if (error instanceof ContentBuildError) return error.problems;
    throw error;
  }
  return [];
}

describe('staff in the content package', () => {
  it('puts the records of staff.json into the catalogue as they are', () => {
    expect(packagedStaff(SOURCE)).toEqual(bundledStaff());
    expect(bundledStaff().map((record) => record.staffId)).toEqual(['1001', '2001', '3001']);
  });

  it('builds without staff.json, with nobody who can sign in', () => {
    expect(packagedStaff(sourceWithStaff(undefined))).toEqual([]);
  });

  it('refuses a staff id used twice, naming the file and record', () => {
    const [first, second] = bundledStaff();
    const source = sourceWithStaff([first, { ...second, staffId: first!.staffId }]);
    expect(buildProblems(source)).toEqual(['staff.json: 1.staffId: duplicate staff id 1001']);
  });

  it('refuses a staff card used twice, naming the file and record', () => {
    const [first, second] = bundledStaff();
    const source = sourceWithStaff([first, { ...second, cardNumber: first!.cardNumber }]);
    expect(buildProblems(source)).toEqual(['staff.json: 1.cardNumber: duplicate staff card number']);
  });

  it('refuses a PIN written in clear beside the hash, so it is noticed and removed', () => {
    const [first] = bundledStaff();
    const problems = buildProblems(sourceWithStaff([{ ...first, pin: '246810' }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^staff\.json: 0: .*"pin"/);
    expect(problems[0]).not.toContain('246810');
  });

  it('refuses a record without a salt of its own or with a malformed staff id', () => {
    const [first] = bundledStaff();
    const shortSalt = { ...first, pinHash: { ...first!.pinHash, salt: 'c2hvcnQ=' } };
    expect(buildProblems(sourceWithStaff([shortSalt]))).toEqual(['staff.json: 0.pinHash.salt: the salt is at least 16 bytes']);
    expect(buildProblems(sourceWithStaff([{ ...first, staffId: 'A-1001' }]))).toEqual(['staff.json: 0.staffId: a staff id is 4 to 8 digits']);
  });

  it('a catalogue that repeats a staff id is refused where it is applied too, not only at build', () => {
    const catalogue = JSON.parse(Buffer.from(buildPackage(SOURCE, NOW).get(CATALOGUE_PART)!).toString('utf8')) as CatalogueDocument;
    catalogue.staff.push({ ...catalogue.staff[1]!, cardNumber: undefined, staffId: catalogue.staff[0]!.staffId });
    const check = () => checkCatalogue(Buffer.from(JSON.stringify(catalogue)));
    expect(check).toThrow(ContentRejection);
    expect(check).toThrow(/staff.*duplicate staff id 1001/);
  });
});
