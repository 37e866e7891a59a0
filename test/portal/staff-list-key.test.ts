import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaffListKey } from '../../src/portal/staff/staff-list-key.js';
import { issuePin, staffListEtag } from '../../src/portal/staff/staff-service.js';
import { hashPin } from '../../src/portal/content/staff-pin-hash.js';
import { staffListTrustAnchorsSchema, verifySignedStaffList, type StaffListDocument } from '../../src/shared/content/signed-staff-list.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const trustAnchors = staffListTrustAnchorsSchema.parse(JSON.parse(readFileSync('resources/trust/staff-list-keys.json', 'utf8')));

describe('the staff-list key file', () => {
  it('refuses a file that is not an Ed25519 staff-list key by naming the file only, never quoting its text', () => {
    const x25519 = readFileSync('resources/demo-keys/demo-portal-2026.private.json', 'utf8');
    for (const text of ['{"keyId":"k1","algorithm":"Ed25519","privateKeyPkcs8":"SECRETPART', 'SECRETPART', '{"keyId":"k1","algorithm":"Ed25519","privateKeyPkcs8":"SECRETPART"}', x25519]) {
      const file = join(tempFolder(), 'staff-list.private.json');
      writeFileSync(file, text);
      let message = '';
      try {
        readStaffListKey(file);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe(`${file} is not a staff-list key file ({keyId, algorithm: "Ed25519", privateKeyPkcs8})`);
      expect(message).not.toContain('SECRET');
    }
  });

  it('signs with the demo key a list the kiosks’ trust file verifies, and refuses to sign one a kiosk would refuse', async () => {
    const key = readStaffListKey('resources/demo-keys/demo-staff-list-2026.private.json');
    expect(key.keyId).toBe('demo-staff-list-2026');
    const document: StaffListDocument = {
      kind: 'staff-list',
      officeCode: 'BSK',
      version: 7,
      issuedAt: '2026-12-02T09:00:00.000Z',
      staff: [{ staffId: '1001', displayName: 'Айгүл', roles: ['clerk'], pinHash: await hashPin('246810') }],
    };
    const signed = key.sign(document);
    expect(await verifySignedStaffList(signed, { trustAnchors, officeCode: 'BSK', currentVersion: 6 })).toEqual(document);
    expect(() => key.sign({ ...document, staff: [...document.staff, ...document.staff] })).toThrow(/duplicate staff id/);
  });
});

describe('the PINs the portal makes', () => {
  it('are six digits, leading zeros kept, and cover the whole range', () => {
    expect(issuePin(() => 0)).toBe('000000');
    expect(issuePin(() => 42)).toBe('000042');
    expect(issuePin(() => 999_999)).toBe('999999');
    let asked = 0;
    issuePin((max) => ((asked = max), 0));
    expect(asked).toBe(1_000_000);
    for (let index = 0; index < 50; index++) expect(issuePin()).toMatch(/^\d{6}$/);
  });

  it('the list’s ETag names the office and the version', () => {
    expect(staffListEtag('BSK', 12)).toBe('"staff-BSK-12"');
  });
});
