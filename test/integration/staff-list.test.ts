import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost, type KioskHostOptions } from '../../src/main/core/host.js';
import { hashPin } from '../../src/portal/content/staff-pin-hash.js';
import { staffListSignedBytes, type SignedStaffList, type StaffListDocument } from '../../src/shared/content/signed-staff-list.js';
import type { StaffRecord } from '../../src/shared/content/staff-schema.js';
import type { HostEvent } from '../../src/shared/contract/ipc.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { TEST_TECHNICIAN } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

/*
 * The kiosk side of the signed staff list, with real parts: the host on a real SQLite file, a small
 * portal on 127.0.0.1 that serves lists signed with the demo staff-list key (real Ed25519), and the
 * staff-list trust file the app ships (resources/trust/staff-list-keys.json, the host's default).
 */

const tempFolder = useTempFolder();
const keys = testKeys('staff-list-content-key');
const KIOSK_CODE = 'BSK1';
const CREDENTIAL = `kiosk_${KIOSK_CODE}.staff-list-test-secret`;
const TEST_COST = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };

type SigningKey = { keyId: string; privateKeyPkcs8: string };
const staffListKey = JSON.parse(readFileSync('resources/demo-keys/demo-staff-list-2026.private.json', 'utf8')) as SigningKey;
const contentKey = JSON.parse(readFileSync('resources/demo-keys/demo-content-2026-a.private.json', 'utf8')) as SigningKey;

const PACKAGE_PIN = '482913';
const LIST_PIN = '590417';
const NEW_PIN = '613572';
/** In the content package only. */
let packageClerk: StaffRecord;
/** In the staff lists only. */
let listClerk: StaffRecord;
/** A clerk and technician of the lists. */
let both: StaffRecord;
/** listClerk after a PIN reset at the portal. */
let listClerkNewPin: StaffRecord;
/** listClerk with the same PIN hashed again (another salt), as a re-issued hash would be. */
let listClerkRehashed: StaffRecord;
beforeAll(async () => {
  packageClerk = { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'], pinHash: await hashPin(PACKAGE_PIN, TEST_COST) };
  listClerk = { staffId: '4001', displayName: 'Бакыт Садыков', roles: ['clerk'], pinHash: await hashPin(LIST_PIN, TEST_COST), cardNumber: '9417000000004001' };
  both = { staffId: '5001', displayName: 'Нурлан Осмонов', roles: ['clerk', 'technician'], pinHash: await hashPin(LIST_PIN, TEST_COST) };
  listClerkNewPin = { ...listClerk, pinHash: await hashPin(NEW_PIN, TEST_COST) };
  listClerkRehashed = { ...listClerk, pinHash: await hashPin(LIST_PIN, TEST_COST) };
});

function documentOf(version: number, staff: StaffRecord[], officeCode = 'BSK'): StaffListDocument {
  return { kind: 'staff-list', officeCode, version, issuedAt: new Date(Date.UTC(2026, 11, 2, 9, version)).toISOString(), staff };
}

/** Signed as the portal signs: the context, then the document's exact bytes. */
function signed(document: StaffListDocument | string, key: SigningKey = staffListKey): SignedStaffList {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  const privateKey = createPrivateKey({ key: Buffer.from(key.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return { document: text, keyId: key.keyId, algorithm: 'Ed25519', signature: sign(null, staffListSignedBytes(new TextEncoder().encode(text)), privateKey).toString('base64') };
}

type Served = { status: 200; list: SignedStaffList; etag?: string } | { status: 404 } | { status: 401 };

/** GET /v1/staff-list as the portal answers it (ETag, If-None-Match, kiosk bearer auth); every other path 404. */
async function listPortal() {
  let served: Served = { status: 404 };
  const requests: { ifNoneMatch: string | undefined }[] = [];
  const server: Server = createServer((request, response) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' || request.url !== '/v1/staff-list') return json(404, { error: { code: 'NOT_FOUND', message: 'no such thing here' } });
    const ifNoneMatch = request.headers['if-none-match'];
    requests.push({ ifNoneMatch });
    if (request.headers.authorization !== `Bearer ${CREDENTIAL}` || served.status === 401) {
      return json(401, { error: { code: 'UNAUTHORIZED', message: 'no valid kiosk credential' } }, { 'WWW-Authenticate': 'Bearer' });
    }
    if (served.status === 404) return json(404, { error: { code: 'NOT_FOUND', message: 'no staff list for this office' } });
    if (served.etag === undefined) return json(200, served.list);
    if (ifNoneMatch === served.etag) {
      response.writeHead(304, { ETag: served.etag });
      return response.end();
    }
    json(200, served.list, { ETag: served.etag });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const portal = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    serve: (next: Served) => {
      served = next;
    },
    /** Resolves once the kiosk has asked `count` more times than now, so what it was served is settled. */
    askedMore: async (count = 2) => {
      const target = requests.length + count;
      await expect.poll(() => requests.length, { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(target);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  closers.push(portal.close);
  return portal;
}

const hosts: KioskHost[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) host.close();
  for (const close of closers.splice(0)) await close();
});

async function kiosk(options: Partial<KioskHostOptions> & { dataFolder?: string } = {}) {
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: KIOSK_CODE,
    kioskCredential: CREDENTIAL,
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(
      tempFolder(),
      makePackage({ keys, version: 1, catalogue: { ...testCatalogue([testService('birth')]), staff: [TEST_TECHNICIAN, packageClerk] } }),
    ),
    removableMediaRoots: [tempFolder()],
    contentPollSeconds: 1,
    heartbeatSeconds: 3600,
    log: createMemoryLogger(),
    ...options,
  });
  hosts.push(host);
  const told: HostEvent[] = [];
  host.events.subscribe((event) => told.push(event));
  const call = (channel: string, request: unknown = {}) => host.router.handle(channel, request);
  const signIn = async (staffId: string, pin: string) => {
    const result = await call('signInStaff', { staffId, pin });
    return result.ok ? 'signed-in' : (result.error as { code: string }).code;
  };
  const whoIsSignedIn = async () => {
    const result = await call('getStaffSession');
    return result.ok ? ((result.value as { staffId: string } | null)?.staffId ?? null) : 'refused';
  };
  return { host, told, call, signIn, whoIsSignedIn };
}

function withDatabase<T>(file: string, use: (db: Database.Database) => T, readonly = true): T {
  const db = new Database(file, { readonly });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** The trail's entries of the staff list and of staff sessions, as stored. */
function trail(host: KioskHost, kinds = ['staff_list_applied', 'staff_list_refused', 'staff_sign_out', 'sync_alarm']) {
  return withDatabase(host.databaseFile, (db) =>
    db
      .prepare<[], { kind: string; actor: string | null; subject: string | null; details: string }>('SELECT kind, actor, subject, details FROM audit_entry ORDER BY seq')
      .all()
      .filter((row) => kinds.includes(row.kind))
      .map((row) => [row.kind, row.subject, JSON.parse(row.details) as unknown]),
  );
}

const heldVersion = (host: KioskHost) =>
  withDatabase(host.databaseFile, (db) => db.prepare<[], { version: number }>('SELECT version FROM staff_list').get()?.version ?? null);

const applied = (version: number) => ['staff_list_applied', String(version), { officeCode: 'BSK', keyId: 'demo-staff-list-2026' }];
const refused = (code: string, source = 'portal') => ['staff_list_refused', null, { source, code }];

/** A kiosk that has taken list version 2 (listClerk and both) from the portal. */
async function kioskHoldingList(options: Partial<KioskHostOptions> = {}) {
  const portal = await listPortal();
  portal.serve({ status: 200, list: signed(documentOf(2, [TEST_TECHNICIAN, listClerk, both])), etag: '"v2"' });
  const k = await kiosk({ portalUrl: portal.url, ...options });
  await expect.poll(() => heldVersion(k.host), { timeout: 10_000 }).toBe(2);
  return { ...k, portal };
}

describe('the office’s signed staff list on the kiosk', () => {
  it('once held, is who may sign in: a person only in the list can, one only in the content package cannot', async () => {
    const k = await kioskHoldingList();
    expect(k.told).toContainEqual({ name: 'staffListUpdated', payload: { version: 2 } });
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('signed-in');
    expect(await k.call('signInStaff', { cardNumber: listClerk.cardNumber, pin: LIST_PIN })).toMatchObject({ ok: true, value: { staffId: '4001' } });
    expect(await k.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('WRONG_PIN');
    expect(trail(k.host)).toEqual([applied(2), ['staff_sign_out', null, { reason: 'signed-out' }]]);
    // The page is told who signed in, never the PIN hash the session keeps.
    expect(JSON.stringify(await k.call('getStaffSession'))).not.toContain('scrypt');
  });

  it('while the portal keeps no list for the office (404), the content package’s staff sign in', async () => {
    const portal = await listPortal();
    const k = await kiosk({ portalUrl: portal.url });
    await portal.askedMore(2);
    expect(await k.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('signed-in');
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('WRONG_PIN');
    expect(heldVersion(k.host)).toBeNull();
    expect(trail(k.host, ['staff_list_applied', 'staff_list_refused'])).toEqual([]);
  });

  it('keeps a held list through 304s, and through a 404 (only a newer signed list undoes a signed list)', async () => {
    const k = await kioskHoldingList();
    await k.portal.askedMore(2);
    expect(k.portal.requests.slice(1).every((request) => request.ifNoneMatch === '"v2"')).toBe(true);
    k.portal.serve({ status: 404 });
    await k.portal.askedMore(2);
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('signed-in');
    expect(heldVersion(k.host)).toBe(2);
    expect(trail(k.host, ['staff_list_applied', 'staff_list_refused'])).toEqual([applied(2)]);
  });

  it.each([
    ['for another office', () => signed(documentOf(3, [TEST_TECHNICIAN, packageClerk], 'ASH')), 'STAFF_LIST_OTHER_OFFICE'],
    ['a replayed older version', () => signed(documentOf(1, [TEST_TECHNICIAN, packageClerk])), 'STAFF_LIST_NOT_NEWER'],
    [
      'with a changed byte',
      () => {
        const good = signed(documentOf(3, [TEST_TECHNICIAN, listClerk]));
        return { ...good, document: good.document.replace('"clerk"', '"technician"') };
      },
      'STAFF_LIST_SIGNATURE_INVALID',
    ],
    ['signed by a key not trusted for staff lists (the content key)', () => signed(documentOf(3, [TEST_TECHNICIAN, packageClerk]), contentKey), 'STAFF_LIST_KEY_UNTRUSTED'],
    ['that is not a signed list at all', () => ({ document: '{}', keyId: 'demo-staff-list-2026' }) as unknown as SignedStaffList, 'STAFF_LIST_MALFORMED'],
  ])('refuses a list %s: recorded with its code once, not fetched again until its ETag changes, the held list kept', async (_, list, code) => {
    const k = await kioskHoldingList();
    k.portal.serve({ status: 200, list: list(), etag: '"bad"' });
    await expect.poll(() => trail(k.host, ['staff_list_refused']), { timeout: 10_000 }).toEqual([refused(code)]);
    await k.portal.askedMore(2);
    expect(k.portal.requests.at(-1)?.ifNoneMatch).toBe('"bad"');
    expect(trail(k.host, ['staff_list_applied', 'staff_list_refused'])).toEqual([applied(2), refused(code)]);
    expect(heldVersion(k.host)).toBe(2);
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('signed-in');
    expect(await k.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('WRONG_PIN');
  });

  it('records a refused list once even when a portal sends it again and again without an ETag', async () => {
    const k = await kioskHoldingList();
    k.portal.serve({ status: 200, list: signed(documentOf(1, [TEST_TECHNICIAN, packageClerk])) });
    await expect.poll(() => trail(k.host, ['staff_list_refused']), { timeout: 10_000 }).toEqual([refused('STAFF_LIST_NOT_NEWER')]);
    await k.portal.askedMore(2);
    expect(trail(k.host, ['staff_list_refused'])).toHaveLength(1);
  });

  it('is not asked for by a kiosk not yet enrolled, so no credential alarm is raised for it', async () => {
    const portal = await listPortal();
    const k = await kiosk({ portalUrl: portal.url, kioskCredential: undefined });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(portal.requests).toEqual([]);
    expect(trail(k.host, ['sync_alarm', 'staff_list_refused'])).toEqual([]);
    expect(await k.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('signed-in');
  });

  it('takes a newer list after a refused one, once the portal re-signs', async () => {
    const k = await kioskHoldingList();
    k.portal.serve({ status: 200, list: signed(documentOf(3, [TEST_TECHNICIAN]), contentKey), etag: '"bad"' });
    await expect.poll(() => trail(k.host, ['staff_list_refused']).length, { timeout: 10_000 }).toBe(1);
    k.portal.serve({ status: 200, list: signed(documentOf(3, [TEST_TECHNICIAN, packageClerk])), etag: '"v3"' });
    await expect.poll(() => heldVersion(k.host), { timeout: 10_000 }).toBe(3);
    expect(await k.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('signed-in');
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('WRONG_PIN');
  });

  it('is verified again at a restart: held without the portal, and the first poll after it is a 304, not a refusal', async () => {
    const dataFolder = tempFolder();
    const first = await kioskHoldingList({ dataFolder });
    first.host.close();
    hosts.splice(hosts.indexOf(first.host), 1);

    const offline = await kiosk({ dataFolder });
    expect(await offline.signIn(listClerk.staffId, LIST_PIN)).toBe('signed-in');
    expect(await offline.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('WRONG_PIN');
    offline.host.close();
    hosts.splice(hosts.indexOf(offline.host), 1);

    const asked = first.portal.requests.length;
    const again = await kiosk({ dataFolder, portalUrl: first.portal.url });
    await first.portal.askedMore(1);
    expect(first.portal.requests[asked]?.ifNoneMatch).toBe('"v2"');
    expect(trail(again.host, ['staff_list_applied', 'staff_list_refused'])).toEqual([applied(2)]);
  });

  it('drops a stored list edited on the disk at start-up, records why, and falls back to the content package’s staff', async () => {
    const dataFolder = tempFolder();
    const first = await kioskHoldingList({ dataFolder });
    const file = first.host.databaseFile;
    first.host.close();
    hosts.splice(hosts.indexOf(first.host), 1);
    withDatabase(
      file,
      (db) => {
        const row = db.prepare<[], { signed: string }>('SELECT signed FROM staff_list').get()!;
        // Someone with the disk gives the package's clerk a place on the list (a role is enough to try).
        const envelope = JSON.parse(row.signed) as SignedStaffList;
        const edited = { ...envelope, document: envelope.document.replace('"roles":["clerk"]', '"roles":["clerk","technician"]') };
        db.prepare('UPDATE staff_list SET signed = ?').run(JSON.stringify(edited));
      },
      false,
    );

    const k = await kiosk({ dataFolder });
    expect(heldVersion(k.host)).toBeNull();
    expect(trail(k.host, ['staff_list_applied', 'staff_list_refused'])).toEqual([applied(2), refused('STAFF_LIST_SIGNATURE_INVALID', 'stored')]);
    expect(await k.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('signed-in');
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('WRONG_PIN');
  });

  it('drops a stored list whose key the trust file no longer holds', async () => {
    const dataFolder = tempFolder();
    const first = await kioskHoldingList({ dataFolder });
    first.host.close();
    hosts.splice(hosts.indexOf(first.host), 1);
    const otherKeys = join(tempFolder(), 'staff-list-keys.json');
    writeFileSync(otherKeys, JSON.stringify([{ keyId: 'staff-list-2027', publicKey: keys.anchor.publicKey }]));

    const k = await kiosk({ dataFolder, staffListTrustAnchorsFile: otherKeys });
    expect(heldVersion(k.host)).toBeNull();
    expect(trail(k.host, ['staff_list_refused'])).toEqual([refused('STAFF_LIST_KEY_UNTRUSTED', 'stored')]);
    expect(await k.signIn(packageClerk.staffId, PACKAGE_PIN)).toBe('signed-in');
  });

  it('a refused credential raises the kiosk’s credential alarm once, as a refused delivery does', async () => {
    const k = await kioskHoldingList();
    k.portal.serve({ status: 401 });
    await expect.poll(() => trail(k.host, ['sync_alarm']), { timeout: 10_000 }).toEqual([['sync_alarm', null, { alarm: 'CREDENTIAL_REFUSED', status: 401, code: 'UNAUTHORIZED' }]]);
    await k.portal.askedMore(2);
    expect(trail(k.host, ['sync_alarm'])).toHaveLength(1);
    expect(await k.call('getSyncStatus')).toMatchObject({ ok: true, value: { pausedReason: 'UNAUTHORIZED' } });
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('signed-in');
  });
});

describe('a new staff list ends a session it no longer allows', () => {
  const ended = (told: HostEvent[]) => told.filter((event) => event.name === 'staffSessionEnded');

  it.each([
    ['the person’s record is removed', '4001', () => [TEST_TECHNICIAN, both], 'staff-record-removed'],
    ['a role the session holds is removed', '5001', () => [TEST_TECHNICIAN, listClerk, { ...both, roles: ['clerk'] as StaffRecord['roles'] }], 'role-removed'],
    ['the PIN is reset at the portal', '4001', () => [TEST_TECHNICIAN, listClerkNewPin, both], 'pin-changed'],
    ['the PIN hash is issued again, even for the same PIN', '4001', () => [TEST_TECHNICIAN, listClerkRehashed, both], 'pin-changed'],
  ])('when %s: the host signs them out, tells the page and records why', async (_, staffId, staff, reason) => {
    const k = await kioskHoldingList();
    expect(await k.signIn(staffId, LIST_PIN)).toBe('signed-in');
    k.portal.serve({ status: 200, list: signed(documentOf(3, staff())), etag: '"v3"' });
    await expect.poll(() => ended(k.told), { timeout: 10_000 }).toEqual([{ name: 'staffSessionEnded', payload: { reason } }]);
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(trail(k.host, ['staff_list_applied', 'staff_sign_out'])).toEqual([applied(2), applied(3), ['staff_sign_out', null, { reason }]]);
  });

  it('leaves a session the new list still allows, and the new PIN signs in after a reset while the old one does not', async () => {
    const k = await kioskHoldingList();
    expect(await k.signIn('5001', LIST_PIN)).toBe('signed-in');
    k.portal.serve({ status: 200, list: signed(documentOf(3, [TEST_TECHNICIAN, listClerkNewPin, both])), etag: '"v3"' });
    await expect.poll(() => heldVersion(k.host), { timeout: 10_000 }).toBe(3);
    expect(ended(k.told)).toEqual([]);
    expect(await k.whoIsSignedIn()).toBe('5001');
    expect(await k.signIn(listClerk.staffId, LIST_PIN)).toBe('WRONG_PIN');
    expect(await k.signIn(listClerk.staffId, NEW_PIN)).toBe('signed-in');
  });
});
