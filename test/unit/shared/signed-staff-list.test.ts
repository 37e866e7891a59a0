import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../src/shared/content/package-verification.js';
import { trustAnchorsSchema } from '../../../src/shared/content/content-schema.js';
import {
  STAFF_LIST_SIGNATURE_CONTEXT,
  staffListSignedBytes,
  staffListTrustAnchorsSchema,
  verifySignedStaffList,
  type SignedStaffList,
  type StaffListContext,
  type StaffListDocument,
  type StaffListRejectionCode,
} from '../../../src/shared/content/signed-staff-list.js';

const staffListKey = JSON.parse(readFileSync('resources/demo-keys/demo-staff-list-2026.private.json', 'utf8')) as { keyId: string; privateKeyPkcs8: string };
const contentKey = JSON.parse(readFileSync('resources/demo-keys/demo-content-2026-a.private.json', 'utf8')) as { keyId: string; privateKeyPkcs8: string };
const staffListAnchors = staffListTrustAnchorsSchema.parse(JSON.parse(readFileSync('resources/trust/staff-list-keys.json', 'utf8')));
const contentAnchors = trustAnchorsSchema.parse(JSON.parse(readFileSync('resources/trust/content-keys.json', 'utf8')));

const privateKey = (key: { privateKeyPkcs8: string }) => createPrivateKey({ key: Buffer.from(key.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });

const PIN_HASH = { algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32, salt: Buffer.alloc(16, 7).toString('base64'), hash: Buffer.alloc(32, 9).toString('base64') } as const;

function listDocument(overrides: Partial<StaffListDocument> = {}): StaffListDocument {
  return {
    kind: 'staff-list',
    officeCode: 'BSK',
    version: 3,
    issuedAt: '2026-12-02T09:00:00.000Z',
    staff: [{ staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'], pinHash: PIN_HASH }],
    ...overrides,
  };
}

/** Signed as the portal signs: the context, then the document's bytes. */
function signed(document: string, key: { keyId: string; privateKeyPkcs8: string } = staffListKey, message?: Uint8Array): SignedStaffList {
  const bytes = message ?? staffListSignedBytes(new TextEncoder().encode(document));
  return { document, keyId: key.keyId, algorithm: 'Ed25519', signature: sign(null, bytes, privateKey(key)).toString('base64') };
}

const context: StaffListContext = { trustAnchors: staffListAnchors, officeCode: 'BSK', currentVersion: 2 };

async function refusal(answer: unknown, overrides: Partial<StaffListContext> = {}): Promise<StaffListRejectionCode | 'accepted'> {
  try {
    await verifySignedStaffList(answer, { ...context, ...overrides });
    return 'accepted';
  } catch (error) {
    return (error as { code: StaffListRejectionCode }).code;
  }
}

describe('a signed staff list', () => {
  it('is accepted for its office when newer than the list the kiosk holds, and answers its records', async () => {
    const list = await verifySignedStaffList(signed(JSON.stringify(listDocument())), context);
    expect(list.staff.map((record) => [record.staffId, record.roles])).toEqual([['1001', ['clerk']]]);
    expect(await refusal(signed(JSON.stringify(listDocument())), { currentVersion: null })).toBe('accepted');
  });

  it('is refused for another office, or when not newer (no replay of a list from before a clerk was disabled)', async () => {
    expect(await refusal(signed(JSON.stringify(listDocument({ officeCode: 'ASH' }))))).toBe('STAFF_LIST_OTHER_OFFICE');
    expect(await refusal(signed(JSON.stringify(listDocument({ version: 2 }))))).toBe('STAFF_LIST_NOT_NEWER');
  });

  it('is refused when a byte of the document changed, when the signature leaves out the context, or when the key is not a staff-list key', async () => {
    const good = signed(JSON.stringify(listDocument()));
    expect(await refusal({ ...good, document: good.document.replace('"clerk"', '"technician"') })).toBe('STAFF_LIST_SIGNATURE_INVALID');
    // Signed over the document alone, as a manifest is: not a staff-list signature.
    const document = JSON.stringify(listDocument());
    expect(await refusal(signed(document, staffListKey, new TextEncoder().encode(document)))).toBe('STAFF_LIST_SIGNATURE_INVALID');
    // The content key signs content, never staff.
    expect(await refusal(signed(document, contentKey))).toBe('STAFF_LIST_KEY_UNTRUSTED');
    expect(await refusal({ document, keyId: staffListKey.keyId, algorithm: 'Ed25519' })).toBe('STAFF_LIST_MALFORMED');
  });

  it('is refused when well signed but not a staff list', async () => {
    expect(await refusal(signed('{"kind":"staff-list"'))).toBe('STAFF_LIST_MALFORMED');
    expect(await refusal(signed(JSON.stringify({ ...listDocument(), kind: 'catalogue' })))).toBe('STAFF_LIST_MALFORMED');
    expect(await refusal(signed(JSON.stringify({ ...listDocument(), extra: true })))).toBe('STAFF_LIST_MALFORMED');
  });

  it('has a key the content verifier does not trust, and a signature no manifest can carry', async () => {
    expect(contentAnchors.map((anchor) => anchor.keyId)).not.toContain(staffListKey.keyId);
    expect(contentAnchors.map((anchor) => anchor.publicKey)).not.toContain(staffListAnchors[0]!.publicKey);
    // A manifest signed with the staff-list key is refused by the content verifier before it is read.
    const manifest = new TextEncoder().encode(JSON.stringify({ version: 9 }));
    const envelope = new TextEncoder().encode(JSON.stringify({ keyId: staffListKey.keyId, algorithm: 'Ed25519', signature: sign(null, manifest, privateKey(staffListKey)).toString('base64') }));
    await expect(verifyManifest(manifest, envelope, { trustAnchors: contentAnchors, currentVersion: null, appVersion: '1.0.0', now: new Date() })).rejects.toMatchObject({
      code: 'KEY_UNTRUSTED',
    });
    expect(STAFF_LIST_SIGNATURE_CONTEXT.startsWith('{')).toBe(false);
  });
});
