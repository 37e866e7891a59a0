import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost } from '../../src/main/core/host.js';
import { runAdmin } from '../../src/portal/admin.js';
import { buildPackage, NEXT_PORTAL_KEY_FILE } from '../../src/portal/content/package-builder.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import { openedApplicationSchema } from '../../src/shared/contract/applications.js';
import type { StartedApplication, SubmittedApplication, SyncStatusView } from '../../src/shared/contract/ipc.js';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage } from '../support/content-fixtures.js';
import { testHostOptions } from '../support/host-options.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { useTempFolder } from '../support/temp-folder.js';
import { createAccount, signIn, type SignedIn } from '../portal/backoffice-support.js';
import { ADMIN_TOKEN, bearer, postJson, send } from '../portal/support.js';

/*
 * A rotation of the portal's key, end to end with real HPKE: portal-admin makes the current and
 * the next pair; the content names both; a kiosk seals to the current key until the next one's
 * time comes by its own clock, then to the next; the portal, holding both, opens either. After
 * the promotion the earlier key, retired, still opens what was sealed to it, and a portal that
 * lacks a key says so instead of guessing.
 */
const tempFolder = useTempFolder();
const keys = testKeys('rotation-content-key');
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const quiet = { env: {}, out: () => undefined, note: () => undefined };
const USABLE_FROM = new Date(Date.now() + 3_600_000);

async function makeKeys(): Promise<{ folder: string; current: string; next: string; currentPublic: unknown; nextPublic: unknown }> {
  const folder = tempFolder();
  expect(await runAdmin(['make-portal-key', '--id', 'portal-2027-a', '--out', folder], quiet)).toBe(0);
  expect(await runAdmin(['make-portal-key', '--id', 'portal-2027-b', '--out', folder, '--usable-from', USABLE_FROM.toISOString()], quiet)).toBe(0);
  const json = (name: string): unknown => JSON.parse(readFileSync(join(folder, name), 'utf8'));
  return {
    folder,
    current: join(folder, 'portal-2027-a.private.json'),
    next: join(folder, 'portal-2027-b.private.json'),
    currentPublic: json('portal-2027-a.portal-key.json'),
    nextPublic: json('portal-2027-b.portal-next-key.json'),
  };
}

async function portalWith(dataFolder: string, keyFiles: { current?: string; next?: string; retired?: string[] }, published: Map<string, Uint8Array>): Promise<{ portal: Portal; officer: SignedIn }> {
  const portal = await startPortal({
    dataFolder,
    adminToken: ADMIN_TOKEN,
    trustAnchors: [keys.anchor],
    portalPrivateKeyFile: keyFiles.current,
    portalOtherKeyFiles: { next: keyFiles.next, retired: keyFiles.retired },
  });
  closers.push(() => portal.close());
  const files = Object.fromEntries([...published].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]));
  const answer = await send(portal.url, {
    method: PORTAL_ENDPOINTS.publishContent.method,
    path: PORTAL_ENDPOINTS.publishContent.path({}),
    headers: { 'Content-Type': 'application/json', ...bearer(ADMIN_TOKEN) },
    body: JSON.stringify({ files }),
  });
  // Published again after a restart with the same store: the library already has it.
  expect([201, 200, 409], answer.text).toContain(answer.status);
  return { portal, officer: await signIn(portal.url, 'aigul.officer', 'officer passphrase 7') };
}

const opening = (portal: Portal, officer: SignedIn, id: string) =>
  postJson(portal.url, PORTAL_ENDPOINTS.openApplication.path({ id }), { language: 'en' }, {
    Cookie: officer.cookie,
    'X-CSRF-Token': officer.session.csrfToken,
    Origin: portal.url,
    'Sec-Fetch-Site': 'same-origin',
  });

describe('rotating the portal key', () => {
  it('seals to the next key from its time on; the portal opens either, and a retired key still opens its applications', async () => {
    const portalKeys = await makeKeys();
    const catalogue = testCatalogue([testService('birth'), testService('marriage')]);
    const document = { ...catalogue, portalEncryptionKey: portalKeys.currentPublic, portalEncryptionNextKey: portalKeys.nextPublic } as typeof catalogue;
    const content = makePackage({ keys, version: 3, catalogue: document });

    const dataFolder = tempFolder();
    const { portal, officer } = await (async () => {
      // The store first, so the officer's account exists before the portal's sign-in.
      const first = await startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [keys.anchor] });
      await createAccount(first.store, 'aigul.officer', 'officer');
      await first.close();
      return portalWith(dataFolder, { current: portalKeys.current, next: portalKeys.next }, content);
    })();
    const credential = newKioskCredential('BSK1');
    await portal.store.issueCredential('BSK1', credential.secretHash, new Date());

    let now = new Date();
    const host = await startKioskHost({
      ...testHostOptions(tempFolder, keys, { bundledContentFolder: writePackage(tempFolder(), content) }),
      portalUrl: portal.url,
      kioskCredential: credential.token,
      contentPollSeconds: 3600,
      deliveryBackoff: { baseMs: 20, capMs: 200, maxRetryAfterMs: 1500 },
      connectivityProbeMs: 50,
      clock: () => now,
      log: createMemoryLogger(),
    });
    closers.push(() => host.close());
    const call = async <T,>(channel: string, request: unknown = {}): Promise<T> => {
      const result = await host.router.handle(channel, request);
      if (!result.ok) throw new Error(result.error.code);
      return result.value as T;
    };
    const apply = async (lastName: string): Promise<{ id: string; receipt: SubmittedApplication }> => {
      const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
      const receipt = await call<SubmittedApplication>('submitApplication', {
        applicationId: started.applicationId,
        language: 'ky',
        consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
        answers: { lastName, pin: '11204198500012', phone: '0700123456' },
      });
      return { id: started.applicationId, receipt };
    };

    const before = await apply('Асанова');
    now = new Date(USABLE_FROM.getTime() + 1000);
    const after = await apply('Бекова');
    await expect.poll(async () => (await call<SyncStatusView>('getSyncStatus')).delivered, { timeout: 15_000 }).toBe(2);
    expect((await portal.store.submission(before.id))?.sealedKeyId).toBe('portal-2027-a');
    expect((await portal.store.submission(after.id))?.sealedKeyId).toBe('portal-2027-b');

    const openedBy = async (target: Portal, signedIn: SignedIn, id: string) => {
      const answer = await opening(target, signedIn, id);
      return answer.status === 200 ? openedApplicationSchema.parse(answer.json()).answers[0]?.answer : (answer.json() as { error: { reason: string } }).error.reason;
    };
    expect(await openedBy(portal, officer, before.id)).toBe('Асанова');
    expect(await openedBy(portal, officer, after.id)).toBe('Бекова');
    await portal.close();
    closers.pop();

    // A portal that was never given the next key cannot open what was sealed to it, and says which case it is.
    const withoutNext = await portalWith(dataFolder, { current: portalKeys.current }, content);
    expect(await openedBy(withoutNext.portal, withoutNext.officer, before.id)).toBe('Асанова');
    expect(await openedBy(withoutNext.portal, withoutNext.officer, after.id)).toBe('OTHER_KEY');
    await withoutNext.portal.close();
    closers.pop();

    // Promoted: the next key is now the current one; the earlier key, retired, still opens its applications.
    const promoted = await portalWith(dataFolder, { current: portalKeys.next, retired: [portalKeys.current] }, content);
    expect(await openedBy(promoted.portal, promoted.officer, before.id)).toBe('Асанова');
    expect(await openedBy(promoted.portal, promoted.officer, after.id)).toBe('Бекова');
  });

  it('builds content naming both keys from the content source, and refuses a next key equal to the current one', async () => {
    const portalKeys = await makeKeys();
    const source = tempFolder();
    const { cpSync, writeFileSync } = await import('node:fs');
    cpSync('resources/content-source', source, { recursive: true });
    writeFileSync(join(source, 'portal-key.json'), JSON.stringify(portalKeys.currentPublic));
    writeFileSync(join(source, NEXT_PORTAL_KEY_FILE), JSON.stringify(portalKeys.nextPublic));
    const built = buildPackage(source, new Date(), { version: 7 });
    const catalogue = JSON.parse(Buffer.from(built.get('catalogue.json')!).toString('utf8')) as { portalEncryptionKey: { keyId: string }; portalEncryptionNextKey: { keyId: string; usableFrom: string } };
    expect(catalogue.portalEncryptionKey.keyId).toBe('portal-2027-a');
    expect(catalogue.portalEncryptionNextKey).toMatchObject({ keyId: 'portal-2027-b', usableFrom: USABLE_FROM.toISOString() });

    writeFileSync(join(source, NEXT_PORTAL_KEY_FILE), JSON.stringify({ ...(portalKeys.currentPublic as object), usableFrom: USABLE_FROM.toISOString() }));
    expect(() => buildPackage(source, new Date(), { version: 8 })).toThrow(/next portal key must differ/);
  });

  it('refuses two key files with one id at start', async () => {
    const portalKeys = await makeKeys();
    await expect(
      startPortal({ dataFolder: tempFolder(), adminToken: ADMIN_TOKEN, trustAnchors: [keys.anchor], portalPrivateKeyFile: portalKeys.current, portalOtherKeyFiles: { retired: [portalKeys.current] } }),
    ).rejects.toThrow(/both hold a portal key with id portal-2027-a/);
  });
});
