import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import type { PackageFiles } from '../../src/portal/content/package-files.js';
import { MAX_UNPACKED_BYTES } from '../../src/portal/content/package-zip.js';
import { contentRolloutSchema, packageRefusedSchema, type PackageProblem, type RolloutTarget } from '../../src/shared/contract/content-rollout.js';
import { PORTAL_ENDPOINTS, PORTAL_HEADERS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { makePackage, testKeys, testService } from '../support/content-fixtures.js';
import { packageZip, rawZip } from '../support/package-zips.js';
import { createAccount, signIn, type SignedIn } from './backoffice-support.js';
import { ADMIN_TOKEN, bearer, send, STORE_KINDS, useStorage, validHeartbeat, type Answer, type PortalEnv } from './support.js';

const keys = testKeys('test-key-a');
const manifestPath = PORTAL_ENDPOINTS.contentManifest.path({});
const uploadPath = PORTAL_ENDPOINTS.uploadContentPackage.path({});
const rolloutPath = PORTAL_ENDPOINTS.contentRollout.path({});
const assignPath = PORTAL_ENDPOINTS.assignContentVersion.path({});

function publishWithToken(url: string, files: PackageFiles): Promise<Answer> {
  return send(url, {
    method: 'PUT',
    path: PORTAL_ENDPOINTS.publishContent.path({}),
    headers: { ...bearer(ADMIN_TOKEN), 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: Object.fromEntries([...files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')])) }),
  });
}

/** A state-changing back office call as the page makes it: cookie, CSRF token, same origin. */
function asBackOffice(url: string, who: SignedIn, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(url, {
    method: 'POST',
    path,
    headers: { Cookie: who.cookie, 'X-CSRF-Token': who.session.csrfToken, Origin: url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const upload = (url: string, who: SignedIn, zip: Uint8Array, headers: Record<string, string> = {}) =>
  asBackOffice(url, who, uploadPath, { zip: Buffer.from(zip).toString('base64') }, headers);
const assign = (url: string, who: SignedIn, version: number, targets: RolloutTarget[]) => asBackOffice(url, who, assignPath, { version, targets });

/** What the manifest endpoint offers a kiosk (or, without a token, anyone): the version header and the ETag. */
async function offered(url: string, token: string | null, etag?: string): Promise<{ status: number; version: string | undefined; etag: string | undefined }> {
  const answer = await send(url, { path: manifestPath, headers: { ...(token ? bearer(token) : {}), ...(etag ? { 'If-None-Match': etag } : {}) } });
  return { status: answer.status, version: answer.headers[PORTAL_HEADERS.contentPackageVersion] as string | undefined, etag: answer.headers.etag };
}

const problemsOf = (answer: Answer): PackageProblem[] => {
  expect(answer.status, answer.text.slice(0, 300)).toBe(422);
  return packageRefusedSchema.parse(answer.json()).error.problems;
};

describe.each(STORE_KINDS)('staged content rollout from the back office (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  async function start(): Promise<{ env: PortalEnv; admin: SignedIn; officer: SignedIn; nrn1: string }> {
    const env = await startPortals(1, { trustAnchors: [keys.anchor] });
    await createAccount(env.store, 'aigul.admin', 'administrator');
    await createAccount(env.store, 'bakyt.officer', 'officer');
    // A kiosk of another office than BSK's two.
    const credential = newKioskCredential('NRN1');
    await env.store.issueCredential('NRN1', credential.secretHash, new Date());
    return {
      env,
      admin: await signIn(env.portal.url, 'aigul.admin', 'correct horse battery'),
      officer: await signIn(env.portal.url, 'bakyt.officer', 'officer passphrase 7'),
      nrn1: credential.token,
    };
  }

  it('offers each kiosk its own version, kiosk before office before all, each with its own ETag, and audits who assigned it', async () => {
    const { env, admin, nrn1 } = await start();
    const url = env.portal.url;
    const { BSK1, BSK2 } = env.tokens;
    // A CLI publish with no rollout made reaches every kiosk, as before.
    expect((await publishWithToken(url, makePackage({ keys, version: 1 }))).status).toBe(201);
    for (const token of [BSK1, BSK2, nrn1, null]) expect((await offered(url, token)).version).toBe('1');

    // Uploaded in the back office (a zip of the folder, files under pkg/), version 2 reaches nobody yet.
    const uploaded = await upload(url, admin, packageZip(makePackage({ keys, version: 2, services: [testService('birth')] })));
    expect([uploaded.status, uploaded.json()]).toEqual([201, { version: 2 }]);
    for (const token of [BSK1, BSK2, nrn1, null]) expect((await offered(url, token)).version).toBe('1');

    expect((await assign(url, admin, 2, [{ kind: 'office', code: 'BSK' }])).status).toBe(200);
    const bsk1 = await offered(url, BSK1);
    const other = await offered(url, nrn1);
    expect([bsk1.version, (await offered(url, BSK2)).version, other.version, (await offered(url, null)).version]).toEqual(['2', '2', '1', '1']);
    // Each answer's ETag is its version's: BSK1's matches BSK1 again, and is not NRN1's.
    expect(bsk1.etag).not.toBe(other.etag);
    expect((await offered(url, BSK1, bsk1.etag)).status).toBe(304);
    expect(await offered(url, nrn1, bsk1.etag)).toMatchObject({ status: 200, version: '1' });

    // One kiosk ahead of its office, then version 2 widened to all: NRN1 moves, BSK2 keeps its newer one.
    expect((await upload(url, admin, packageZip(makePackage({ keys, version: 3 }), null))).status).toBe(201);
    expect((await assign(url, admin, 3, [{ kind: 'kiosk', code: 'BSK2' }])).status).toBe(200);
    expect((await assign(url, admin, 2, [{ kind: 'all' }])).status).toBe(200);
    const versions = await Promise.all([BSK1, BSK2, nrn1, null].map(async (token) => (await offered(url, token)).version));
    expect(versions).toEqual(['2', '3', '2', '2']);
    // With BSK1's If-None-Match from when its office had 2, nothing changed for it.
    expect((await offered(url, BSK1, bsk1.etag)).status).toBe(304);

    // Nothing older than what all get may be assigned anywhere: a kiosk never goes back.
    const back = await assign(url, admin, 1, [{ kind: 'kiosk', code: 'NRN1' }]);
    expect([back.status, (back.json() as { error: { code: string } }).error.code]).toEqual([409, 'VERSION_NOT_NEWER']);
    const missing = await assign(url, admin, 9, [{ kind: 'all' }]);
    expect([missing.status, portalErrorSchema.parse(missing.json()).error.code]).toEqual([404, 'NOT_FOUND']);

    // The page's view: where each version is assigned, and what each kiosk is offered and reports running.
    const beat = await send(url, {
      method: 'POST',
      path: PORTAL_ENDPOINTS.recordHeartbeat.path({}),
      headers: { ...bearer(BSK2), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...validHeartbeat, contentVersion: 3 }),
    });
    expect(beat.status).toBe(204);
    const viewed = await send(url, { path: rolloutPath, headers: { Cookie: admin.cookie } });
    expect(viewed.status, viewed.text).toBe(200);
    const view = contentRolloutSchema.parse(viewed.json());
    expect(view.versions.map((entry) => [entry.version, entry.assignedTo])).toEqual([
      [3, [{ kind: 'kiosk', code: 'BSK2' }]],
      [2, [{ kind: 'all' }]],
      [1, []],
    ]);
    expect(view.kiosks.map((entry) => [entry.kioskCode, entry.officeCode, entry.offeredVersion, entry.runningVersion])).toEqual([
      ['BSK1', 'BSK', 2, null],
      ['BSK2', 'BSK', 3, 3],
      ['NRN1', 'NRN', 2, null],
    ]);

    // Every back office publish and assignment is in the portal's trail with who made it.
    const trail = await env.store.portalAudit.entries(0, 20);
    const actor = trail[0]!.actor;
    expect(actor).toMatch(/^user:\d+$/);
    expect(trail.map((entry) => [entry.kind, entry.actor, entry.subject])).toEqual([
      ['content_published', actor, 'content:2'],
      ['content_assigned', actor, 'content:2'],
      ['content_published', actor, 'content:3'],
      ['content_assigned', actor, 'content:3'],
      ['content_assigned', actor, 'content:2'],
    ]);

    // A CLI publish while a rollout is in use goes to all at once, and says so in the trail.
    expect((await publishWithToken(url, makePackage({ keys, version: 4 }))).status).toBe(201);
    expect((await offered(url, nrn1)).version).toBe('4');
    expect((await env.store.portalAudit.entries(0, 20)).at(-1)).toMatchObject({ kind: 'content_assigned', actor: 'admin-token', subject: 'content:4' });
  });

  it('refuses a bad kiosk credential on the manifest, and serves nothing before anything is assigned to a kiosk', async () => {
    const { env, admin } = await start();
    const url = env.portal.url;
    // The first package ever, uploaded in the back office: staged, so no kiosk is offered anything.
    expect((await upload(url, admin, packageZip(makePackage({ keys, version: 1 })))).status).toBe(201);
    expect((await offered(url, env.tokens.BSK1)).status).toBe(404);
    expect((await offered(url, null)).status).toBe(404);
    expect((await assign(url, admin, 1, [{ kind: 'kiosk', code: 'BSK1' }])).status).toBe(200);
    expect([(await offered(url, env.tokens.BSK1)).version, (await offered(url, env.tokens.BSK2)).status]).toEqual(['1', 404]);

    const junk = await send(url, { path: manifestPath, headers: { Authorization: 'Bearer kiosk_BSK1.not-a-secret' } });
    expect([junk.status, portalErrorSchema.parse(junk.json()).error.code, junk.headers['www-authenticate']]).toEqual([401, 'UNAUTHORIZED', 'Bearer realm="kyzmat-portal"']);
    await env.store.revokeCredential('BSK1', new Date());
    const revoked = await send(url, { path: manifestPath, headers: bearer(env.tokens.BSK1) });
    expect([revoked.status, portalErrorSchema.parse(revoked.json()).error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('is for administrators: an officer, a call without the CSRF token or from another site, and nobody signed in are refused, and nothing changes', async () => {
    const { env, admin, officer } = await start();
    const url = env.portal.url;
    expect((await publishWithToken(url, makePackage({ keys, version: 1 }))).status).toBe(201);
    const zip = packageZip(makePackage({ keys, version: 2 }));
    const refusals = [
      await upload(url, officer, zip),
      await assign(url, officer, 1, [{ kind: 'all' }]),
      await send(url, { path: rolloutPath, headers: { Cookie: officer.cookie } }),
      await upload(url, admin, zip, { 'X-CSRF-Token': 'not-the-token' }),
      await asBackOffice(url, admin, assignPath, { version: 1, targets: [{ kind: 'all' }] }, { 'X-CSRF-Token': '' }),
      await upload(url, admin, zip, { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' }),
    ];
    expect(refusals.map((answer) => [answer.status, portalErrorSchema.parse(answer.json()).error.code])).toEqual(Array(6).fill([403, 'FORBIDDEN']));
    const anonymous = [
      await send(url, { method: 'POST', path: uploadPath, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ zip: Buffer.from(zip).toString('base64') }) }),
      await send(url, { path: rolloutPath }),
    ];
    expect(anonymous.map((answer) => answer.status)).toEqual([401, 401]);
    expect((await offered(url, env.tokens.BSK1)).version).toBe('1');
    expect(contentRolloutSchema.parse((await send(url, { path: rolloutPath, headers: { Cookie: admin.cookie } })).json()).versions.map((entry) => entry.version)).toEqual([1]);
    expect(await env.store.portalAudit.entries(0, 10)).toEqual([]);
  });

  it('answers every problem of a package by file and path, the meaning check’s with their rule, and publishes nothing', async () => {
    const { env, admin } = await start();
    const url = env.portal.url;
    const long = 'ы'.repeat(250);
    const files = makePackage({
      keys,
      version: 2,
      services: [testService('birth', { summary: { ky: 'кыскача', ru: 'ы'.repeat(600), en: 'short' } }), testService('death', { title: { ky: long, ru: 'Смерть', en: 'Death' } })],
    });
    // Changed after signing (the same size), and one file the manifest does not sign.
    files.set('samples/death.svg', Buffer.from(Buffer.from(files.get('samples/death.svg')!).toString('utf8').replace('death', 'DEATH')));
    files.set('samples/extra.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    const problems = problemsOf(await upload(url, admin, packageZip(files)));
    const summary = problems.map(({ code, file, path, rule }) => ({ code, file, path, ...(rule ? { rule } : {}) }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { code: 'PART_HASH_MISMATCH', file: 'samples/death.svg', path: '' },
        { code: 'PART_UNSIGNED', file: 'samples/extra.svg', path: '' },
        { code: 'CONTENT_INVALID', file: 'catalogue.json', path: expect.stringMatching(/summary\.ru$/) as unknown, rule: 'TEXT_TOO_LONG' },
        { code: 'CONTENT_INVALID', file: 'catalogue.json', path: expect.stringMatching(/title\.ky$/) as unknown, rule: 'TEXT_TOO_LONG' },
      ]),
    );
    expect(problems.find((problem) => problem.path.endsWith('title.ky'))?.values).toMatchObject({ length: 250, limit: 200 });
    // A catalogue its schema refuses is answered issue by issue.
    const duplicated = problemsOf(await upload(url, admin, packageZip(makePackage({ keys, version: 2, services: [testService('birth'), testService('birth')] }))));
    expect(duplicated).toContainEqual(expect.objectContaining({ code: 'CONTENT_MALFORMED', file: 'catalogue.json', path: 'services[1].id' }));
    expect(contentRolloutSchema.parse((await send(url, { path: rolloutPath, headers: { Cookie: admin.cookie } })).json()).versions).toEqual([]);

    // A package not newer than the published one says so about its manifest, and its signed files are still checked.
    expect((await publishWithToken(url, makePackage({ keys, version: 5 }))).status).toBe(201);
    expect(problemsOf(await upload(url, admin, packageZip(makePackage({ keys, version: 5 }))))).toEqual([
      expect.objectContaining({ code: 'VERSION_NOT_NEWER', file: 'manifest.json' }),
    ]);
    const stale = makePackage({ keys, version: 5 });
    stale.set('samples/extra.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect(problemsOf(await upload(url, admin, packageZip(stale))).map((problem) => [problem.code, problem.file])).toEqual([
      ['VERSION_NOT_NEWER', 'manifest.json'],
      ['PART_UNSIGNED', 'samples/extra.svg'],
    ]);
  });

  it('refuses hostile zips, each with its own code and the entry it is about, and writes nothing', async () => {
    const { env, admin } = await start();
    const url = env.portal.url;
    expect((await publishWithToken(url, makePackage({ keys, version: 1 }))).status).toBe(201);
    const good = makePackage({ keys, version: 2 });
    const entries = [...good].map(([name, data]) => ({ name, data }));
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const cases: [string, Uint8Array, Pick<PackageProblem, 'code' | 'file'>][] = [
      ['not a zip', Buffer.from('PK but not really a zip at all'), { code: 'ZIP_UNREADABLE', file: '' }],
      ['climbs out with ..', rawZip([...entries, { name: '../manifest.json', data: good.get('manifest.json')! }]), { code: 'ZIP_PATH_UNSAFE', file: '../manifest.json' }],
      ['an absolute path', rawZip([...entries, { name: '/etc/kyzmat', data: Buffer.from('x') }]), { code: 'ZIP_PATH_UNSAFE', file: '/etc/kyzmat' }],
      ['a backslash', rawZip([...entries, { name: 'samples\\..\\..\\x.svg', data: Buffer.from('x') }]), { code: 'ZIP_PATH_UNSAFE', file: 'samples\\..\\..\\x.svg' }],
      ['a drive letter', rawZip([...entries, { name: 'C:/x.svg', data: Buffer.from('x') }]), { code: 'ZIP_PATH_UNSAFE', file: 'C:/x.svg' }],
      ['one name twice', rawZip([...entries, { name: 'catalogue.json', data: Buffer.from('{}') }]), { code: 'ZIP_DUPLICATE_ENTRY', file: 'catalogue.json' }],
      ['a symbolic link', rawZip([...entries, { name: 'samples/link.svg', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }]), { code: 'ZIP_ENTRY_NOT_A_FILE', file: 'samples/link.svg' }],
      ['a folder with data', rawZip([...entries, { name: 'samples/', data: Buffer.from('x') }]), { code: 'ZIP_ENTRY_NOT_A_FILE', file: 'samples/' }],
      ['a file outside the layout', rawZip([...entries, { name: 'notes.txt', data: Buffer.from('x') }]), { code: 'ZIP_ENTRY_OUTSIDE_LAYOUT', file: 'notes.txt' }],
      ['two top folders', rawZip([...entries.map((entry) => ({ ...entry, name: `a/${entry.name}` })), { name: 'b/catalogue.json', data: Buffer.from('{}') }]), { code: 'ZIP_ENTRY_OUTSIDE_LAYOUT', file: 'a/manifest.json' }],
      ['an encrypted entry', rawZip([...entries.slice(1), { ...entries[0]!, flags: 1 }]), { code: 'ZIP_ENTRY_UNSUPPORTED', file: entries[0]!.name }],
      ['a size that lies (a bomb)', rawZip([...entries, { name: 'samples/bomb.svg', data: zeros, declaredSize: 1000 }]), { code: 'ZIP_ENTRY_CORRUPT', file: 'samples/bomb.svg' }],
      ['a size past the limit', rawZip([...entries.filter((entry) => entry.name !== 'catalogue.json'), { name: 'catalogue.json', data: Buffer.from('{}'), declaredSize: MAX_UNPACKED_BYTES + 1 }]), { code: 'ZIP_TOO_LARGE', file: '' }],
      ['a sample past its limit', rawZip([...entries, { name: 'samples/huge.svg', data: Buffer.from('x'), declaredSize: 6 * 1024 * 1024 }]), { code: 'ZIP_TOO_LARGE', file: 'samples/huge.svg' }],
      ['a wrong CRC', rawZip([...entries.filter((entry) => entry.name !== 'catalogue.json'), { name: 'catalogue.json', data: good.get('catalogue.json')!, crc: 12345 }]), { code: 'ZIP_ENTRY_CORRUPT', file: 'catalogue.json' }],
      ['no file at all', rawZip([{ name: 'pkg/' }]), { code: 'ZIP_EMPTY', file: '' }],
      // Two entries reading one stream: inflated once per entry, a small zip could keep the portal busy without end.
      ['two entries sharing their data', rawZip([...entries, { name: 'samples/a.svg', data: new Uint8Array(1024 * 1024) }, { name: 'samples/b.svg', sharesDataWith: entries.length }]), { code: 'ZIP_ENTRY_CORRUPT', file: 'samples/b.svg' }],
    ];
    expect(deflateSync(zeros).length).toBeLessThan(100_000);
    for (const [label, zip, expected] of cases) {
      const problems = problemsOf(await upload(url, admin, zip));
      expect(problems, label).toContainEqual(expect.objectContaining(expected));
    }
    // Nothing was published or written beside the packages, and every kiosk still gets version 1.
    expect(contentRolloutSchema.parse((await send(url, { path: rolloutPath, headers: { Cookie: admin.cookie } })).json()).versions.map((entry) => entry.version)).toEqual([1]);
    expect((await offered(url, env.tokens.BSK1)).version).toBe('1');
    expect(await env.store.portalAudit.entries(0, 10)).toEqual([]);
    // More problems than an answer lists, and a name longer than it shows: still a refusal that says so, never a failure of the portal.
    const stray = rawZip([...entries, ...Array.from({ length: 250 }, (_, index) => ({ name: `stray-${index}.txt`, data: Buffer.from('x') })), { name: `${'n'.repeat(3000)}.txt`, data: Buffer.from('x') }]);
    const many = problemsOf(await upload(url, admin, stray));
    expect(many).toHaveLength(200);
    expect(many.every((problem) => problem.code === 'ZIP_ENTRY_OUTSIDE_LAYOUT')).toBe(true);

    // The same files, zipped plainly, publish.
    expect((await upload(url, admin, rawZip(entries))).status).toBe(201);
  });

  it('says what an upload body must be when it is not one (400)', async () => {
    const { env, admin } = await start();
    for (const body of [{}, { zip: '' }, { zip: 'not base64!' }, { zip: 'AAAA', extra: 1 }, { zip: 'AAAA', aheadOfFleet: 'yes' }]) {
      const answer = await asBackOffice(env.portal.url, admin, uploadPath, body);
      expect([answer.status, portalErrorSchema.parse(answer.json()).error.code], JSON.stringify(body)).toEqual([400, 'VALIDATION']);
    }
  });
});
