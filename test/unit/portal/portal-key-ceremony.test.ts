import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealToPortal, submissionAssociatedData } from '../../../src/main/core/applications/sealing.js';
import { runAdmin } from '../../../src/portal/admin.js';
import { readPortalPrivateKey } from '../../../src/portal/applications/portal-private-key.js';
import { openSubmission, SEALED_FORMAT } from '../../../src/portal/open-submission.js';
import { portalEncryptionNextKeySchema, portalKeyToSealWith } from '../../../src/shared/content/content-schema.js';
import { isDemoPublicKey } from '../../../src/shared/content/demo-keys.js';
import { useTempFolder } from '../../support/temp-folder.js';

/*
 * The portal's own key pair, made by portal-admin instead of the demo one: what a kiosk seals
 * to the public half the portal opens with the private half, which only its owner may read.
 */
const tempFolder = useTempFolder();
const io = () => {
  const notes: string[] = [];
  return { notes, io: { env: {}, out: () => undefined, note: (line: string) => notes.push(line) } };
};

describe('make-portal-key', () => {
  it('makes a pair the kiosks seal to and the portal opens, the private half readable by its owner only', async () => {
    const out = tempFolder();
    const { io: admin, notes } = io();
    expect(await runAdmin(['make-portal-key', '--id', 'portal-2027-a', '--out', out], admin)).toBe(0);
    expect(notes.join('\n')).toContain('portal-2027-a.private.json');
    const privateFile = join(out, 'portal-2027-a.private.json');
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    const publicKey = JSON.parse(readFileSync(join(out, 'portal-2027-a.portal-key.json'), 'utf8')) as { keyId: string; suite: string; publicKey: string };
    expect(publicKey).toMatchObject({ keyId: 'portal-2027-a', suite: 'X25519-HKDF-SHA256-AES-256-GCM' });
    expect(isDemoPublicKey(publicKey.publicKey)).toBe(false);

    const document = new TextEncoder().encode('{"answers":{"lastName":"Асанова"}}');
    const sealed = await sealToPortal(publicKey.publicKey, document, submissionAssociatedData('app-1', 'form-a', 1));
    const key = readPortalPrivateKey(privateFile);
    const opened = await openSubmission({ id: 'app-1', formId: 'form-a', formVersion: 1, sealedFormat: SEALED_FORMAT, sealed: Buffer.from(sealed) }, key.privateKeyJwk);
    expect(new TextDecoder().decode(opened)).toBe('{"answers":{"lastName":"Асанова"}}');
  });

  it('never overwrites a key applications are opened with', async () => {
    const out = tempFolder();
    expect(await runAdmin(['make-portal-key', '--id', 'portal-2027-a', '--out', out], io().io)).toBe(0);
    const before = readFileSync(join(out, 'portal-2027-a.private.json'));
    await expect(runAdmin(['make-portal-key', '--id', 'portal-2027-a', '--out', out], io().io)).rejects.toThrow(/refusing to overwrite/);
    expect(readFileSync(join(out, 'portal-2027-a.private.json')).equals(before)).toBe(true);
  });
});

describe('make-portal-key --usable-from', () => {
  it('makes the next key of a rotation, named for the content source with its time, and refuses a time that is not UTC', async () => {
    const out = tempFolder();
    expect(await runAdmin(['make-portal-key', '--id', 'portal-2028', '--out', out, '--usable-from', '2028-01-15T00:00:00Z'], io().io)).toBe(0);
    const next = JSON.parse(readFileSync(join(out, 'portal-2028.portal-next-key.json'), 'utf8')) as Record<string, unknown>;
    expect(portalEncryptionNextKeySchema.parse(next)).toMatchObject({ keyId: 'portal-2028', usableFrom: '2028-01-15T00:00:00.000Z' });
    expect(statSync(join(out, 'portal-2028.private.json')).mode & 0o777).toBe(0o600);
    for (const time of ['2028-01-15', '2028-01-15T06:00:00+06:00', 'tomorrow', '2028-13-45T00:00:00Z']) {
      await expect(runAdmin(['make-portal-key', '--id', 'portal-2029', '--out', tempFolder(), '--usable-from', time], io().io)).rejects.toThrow(/--usable-from/);
    }
  });
});

describe('the key a kiosk seals to', () => {
  const current = { keyId: 'portal-a', suite: 'X25519-HKDF-SHA256-AES-256-GCM' as const, publicKey: 'a'.repeat(43) };
  const next = { keyId: 'portal-b', suite: 'X25519-HKDF-SHA256-AES-256-GCM' as const, publicKey: 'b'.repeat(43), usableFrom: '2028-01-15T00:00:00.000Z' };
  it('is the current key before the next one’s time, and the next one from that very millisecond', () => {
    expect(portalKeyToSealWith({ portalEncryptionKey: current }, new Date('2030-01-01T00:00:00Z')).keyId).toBe('portal-a');
    expect(portalKeyToSealWith({ portalEncryptionKey: current, portalEncryptionNextKey: next }, new Date('2028-01-14T23:59:59.999Z')).keyId).toBe('portal-a');
    expect(portalKeyToSealWith({ portalEncryptionKey: current, portalEncryptionNextKey: next }, new Date('2028-01-15T00:00:00.000Z'))).toEqual({
      keyId: 'portal-b',
      suite: 'X25519-HKDF-SHA256-AES-256-GCM',
      publicKey: 'b'.repeat(43),
    });
  });
});
