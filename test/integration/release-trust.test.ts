import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PUBLIC_KEYS, isDemoPublicKey } from '../../src/shared/content/demo-keys.js';
import { demoTrustFindings } from '../../src/main/shell-common/release-trust.js';
import { generateKeyPairSync } from 'node:crypto';
import { startKioskHost } from '../../src/main/core/host.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { testHostOptions } from '../support/host-options.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();

/** The public half of each private key file in resources/demo-keys, in the form the trust files write it. */
function demoPublicKeysFromFiles(): string[] {
  return readdirSync('resources/demo-keys')
    .filter((name) => name.endsWith('.private.json'))
    .map((name) => {
      const file = JSON.parse(readFileSync(join('resources/demo-keys', name), 'utf8')) as { privateKeyPkcs8?: string; privateKeyJwk?: { x: string } };
      if (file.privateKeyJwk) return file.privateKeyJwk.x;
      const publicJwk = createPublicKey(createPrivateKey({ key: Buffer.from(file.privateKeyPkcs8!, 'base64'), format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
      return Buffer.from(publicJwk.x!, 'base64url').toString('base64');
    });
}

describe('demo keys in a release', () => {
  it('knows every demo key whose private half is in the repository, and no other', () => {
    expect(new Set(demoPublicKeysFromFiles())).toEqual(new Set(Object.values(DEMO_PUBLIC_KEYS).flat()));
  });

  it('finds the demo trust the repository ships, naming each file and key', () => {
    const findings = demoTrustFindings('resources', 'dist/content-bundle');
    expect(findings).toEqual(
      expect.arrayContaining([
        'resources/trust/content-keys.json trusts the demo key demo-content-2026-a',
        'resources/trust/content-keys.json trusts the demo key demo-content-2026-b',
        'resources/trust/staff-list-keys.json trusts the demo key demo-staff-list-2026',
      ]),
    );
  });

  it('finds nothing in resources whose keys were made for this build', () => {
    const resources = tempFolder();
    mkdirSync(join(resources, 'trust'));
    const own = testKeys('production-content-2027');
    writeFileSync(join(resources, 'trust', 'content-keys.json'), readFileSync(writeTrustAnchors(tempFolder(), [own.anchor])));
    expect(isDemoPublicKey(own.anchor.publicKey)).toBe(false);
    expect(demoTrustFindings(resources, join(tempFolder(), 'no-bundle'))).toEqual([]);
  });

  it('finds a bundle whose next portal key, for a coming rotation, is the demo one', () => {
    const resources = tempFolder();
    const bundle = tempFolder();
    const own = { keyId: 'portal-2027', suite: 'X25519-HKDF-SHA256-AES-256-GCM', publicKey: generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' }).x };
    const demoNext = { keyId: 'demo-portal-2026', suite: 'X25519-HKDF-SHA256-AES-256-GCM', publicKey: DEMO_PUBLIC_KEYS.portalEncryption[0], usableFrom: '2028-01-01T00:00:00.000Z' };
    writeFileSync(join(bundle, 'catalogue.json'), JSON.stringify({ portalEncryptionKey: own, portalEncryptionNextKey: demoNext }));
    expect(demoTrustFindings(resources, bundle)).toEqual(['the bundled content seals applications to the demo portal key demo-portal-2026']);
    writeFileSync(join(bundle, 'catalogue.json'), JSON.stringify({ portalEncryptionKey: own }));
    expect(demoTrustFindings(resources, bundle)).toEqual([]);
  });

  it('npm run dist stops before packaging a build that trusts demo keys, unless it is declared a demo', () => {
    expect(existsSync('dist/main/launcher/release-trust-check.js'), 'run `npm run build` first').toBe(true);
    const node = process.execPath;
    const refused = spawnSync(node, ['dist/main/launcher/release-trust-check.js'], { encoding: 'utf8', env: { ...process.env, KIOSK_DEMO_BUILD: '' } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Release refused');
    expect(refused.stderr).toContain('demo-content-2026-a');
    expect(refused.stderr).toContain('demo portal key demo-portal-2026');
    const demo = execFileSync(node, ['dist/main/launcher/release-trust-check.js'], { encoding: 'utf8', env: { ...process.env, KIOSK_DEMO_BUILD: '1' } });
    expect(demo).toContain('Packaging a DEMO build');
  });

  it('a kiosk says it is a demo while it trusts a demo key or seals to the demo portal key, and not otherwise', async () => {
    const keys = testKeys('kiosk-info-key');
    const ownPortalKey = Buffer.from(generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64url');
    const demoOf = async (catalogue: ReturnType<typeof testCatalogue>, staffListTrust: string) => {
      const host = await startKioskHost(
        testHostOptions(tempFolder, keys, {
          staffListTrustAnchorsFile: staffListTrust,
          bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1, catalogue })),
          log: createMemoryLogger(),
        }),
      );
      const info = await host.router.handle('getKioskInfo', {});
      host.close();
      return info.ok ? (info.value as { demo: boolean }).demo : undefined;
    };
    const services = [testService('birth')];
    const own = { ...testCatalogue(services), portalEncryptionKey: { keyId: 'portal-2027', suite: 'X25519-HKDF-SHA256-AES-256-GCM' as const, publicKey: ownPortalKey } };
    expect(await demoOf(own, join(tempFolder(), 'none.json'))).toBe(false);
    expect(await demoOf(own, 'resources/trust/staff-list-keys.json')).toBe(true);
    expect(await demoOf(testCatalogue(services), join(tempFolder(), 'none.json'))).toBe(true);
  });
});
