import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { applicationStatusSchema, PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { LOCKOUT_POLICY } from '../../src/portal/backoffice/session-policy.js';
import { createAccount, PASSWORDS, sessionPath, signIn, signInRequest, signOut, type SignedIn } from './backoffice-support.js';
import { verifyPortalAudit } from '../../src/portal/audit/portal-audit-verify.js';
import { staffListTrustAnchorsSchema, verifySignedStaffList } from '../../src/shared/content/signed-staff-list.js';
import { pinIssuedSchema, staffPageSchema } from '../../src/shared/contract/staff-page.js';
import { bearer, makeSubmission, postJson, send, useStorage } from './support.js';

/*
 * Scale without sticky sessions: two real portal processes (dist/portal/main.js, as `npm run portal`
 * starts it) on one PostgreSQL database, nothing shared between them but the database. A session
 * opened through one is used, changed and ended through the other; sign-in failures counted by both
 * lock the account; what a kiosk delivers through one, an officer moves through the other; staff
 * made through one are listed and published through the other, and creations racing through both
 * give the office consecutive list versions.
 */

const PORTAL_MAIN = 'dist/portal/main.js';
const children: ChildProcess[] = [];
const folders: string[] = [];

/** Stops the portal processes; one that already exited (a failed start) is not waited for. */
async function stopPortalProcesses(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** One portal process on the database; resolves with its address once it listens. */
function startPortalProcess(databaseUrl: string): Promise<string> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-two-portals-'));
  folders.push(dataFolder);
  const child = spawn(process.execPath, [PORTAL_MAIN, '--port', '0', '--data', dataFolder], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORTAL_ADMIN_TOKEN: 'two-portal-processes-admin-token' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Portal listening on (\S+)/.exec(output);
      if (listening) resolve(listening[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the portal exited with ${code}: ${output}`)));
  });
}

/** A state-changing back office request as the page sends it, to whichever process the load balancer picks (one origin for both behind it). */
const pagePost = (url: string, signedIn: SignedIn, path: string, body: unknown) =>
  send(url, {
    method: 'POST',
    path,
    headers: { Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('two portal processes on one PostgreSQL, no sticky sessions', () => {
  const { storage } = useStorage('postgresql');
  // Registered after the storage's own hook, so it runs first: the processes let go of the database before it is dropped.
  afterEach(stopPortalProcesses);

  it('a session opened through one process is used and ended through the other, and a delivery through one is moved through the other', async () => {
    expect(existsSync(PORTAL_MAIN), 'run `npm run build` first: this test starts the built portal').toBe(true);
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    await createAccount(store, 'aigul', 'administrator');
    await createAccount(store, 'bakyt', 'officer');
    const credential = newKioskCredential('BSK1');
    await store.issueCredential('BSK1', credential.secretHash, new Date());
    const [one, other] = await Promise.all([startPortalProcess(target.options.databaseUrl!), startPortalProcess(target.options.databaseUrl!)]);
    expect(one).not.toBe(other);

    // Signed in through one; the other knows the session, its role and its CSRF token.
    const officer = await signIn(one, 'bakyt', PASSWORDS.officer);
    const session = await send(other, { path: sessionPath, headers: { Cookie: officer.cookie } });
    expect(session.status).toBe(200);
    expect(session.json()).toMatchObject({ username: 'bakyt', role: 'officer', csrfToken: officer.session.csrfToken });

    // A kiosk delivers through one; the officer, signed in there, moves it through the other; the kiosk's lookup through the first sees it.
    const submission = await makeSubmission('BSK1');
    const delivered = await postJson(one, PORTAL_ENDPOINTS.submitApplication.path({}), submission, { ...bearer(credential.token), 'Idempotency-Key': submission.id });
    expect(delivered.status, delivered.text).toBe(201);
    const moved = await pagePost(other, officer, PORTAL_ENDPOINTS.changeApplicationStatus.path({ receiptNumber: submission.receiptNumber }), { to: 'in-review', reasonId: null, expected: 'received' });
    expect(moved.status, moved.text).toBe(200);
    const lookup = await send(one, { path: PORTAL_ENDPOINTS.applicationStatus.path({ receiptNumber: submission.receiptNumber }), headers: bearer(credential.token) });
    // The kiosk's word for "in review" (older kiosks know only received and processing).
    expect(applicationStatusSchema.parse(lookup.json()).status).toBe('processing');

    // The administrator signed in through the other process verifies, through the first, the trail both wrote to: whole.
    const administrator = await signIn(other, 'aigul', PASSWORDS.administrator);
    const verified = await pagePost(one, administrator, PORTAL_ENDPOINTS.verifyAuditChain.path({}), { chain: { kind: 'portal' } });
    expect(verified.json()).toMatchObject({ result: { ok: true, entries: 1 } });

    // Signed out through the other: the session is over through both.
    expect((await signOut(other, officer)).status).toBe(204);
    expect((await send(one, { path: sessionPath, headers: { Cookie: officer.cookie } })).status).toBe(401);
    expect((await send(other, { path: sessionPath, headers: { Cookie: officer.cookie } })).status).toBe(401);
  });

  it('wrong passwords counted by both processes lock the account in both', async () => {
    expect(existsSync(PORTAL_MAIN), 'run `npm run build` first: this test starts the built portal').toBe(true);
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    await createAccount(store, 'bakyt', 'officer');
    const portals = await Promise.all([startPortalProcess(target.options.databaseUrl!), startPortalProcess(target.options.databaseUrl!)]);
    for (let attempt = 0; attempt < LOCKOUT_POLICY.failuresBeforeLock; attempt++) {
      const refused = await signInRequest(portals[attempt % 2]!, 'bakyt', 'not the password at all');
      expect(refused.status, `attempt ${attempt + 1}`).toBe(attempt + 1 < LOCKOUT_POLICY.failuresBeforeLock ? 401 : 423);
    }
    for (const url of portals) expect((await signInRequest(url, 'bakyt', PASSWORDS.officer)).status).toBe(423);
  });

  it('staff created through one process are listed and signed through the other; creations racing through both get distinct, consecutive list versions', async () => {
    expect(existsSync(PORTAL_MAIN), 'run `npm run build` first: this test starts the built portal').toBe(true);
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    await createAccount(store, 'aigul', 'administrator');
    const credential = newKioskCredential('BSK1');
    await store.issueCredential('BSK1', credential.secretHash, new Date());
    // Both processes start as `npm run portal` does: with the demo staff-list key.
    const [one, other] = await Promise.all([startPortalProcess(target.options.databaseUrl!), startPortalProcess(target.options.databaseUrl!)]);
    const administrator = await signIn(one, 'aigul', PASSWORDS.administrator);
    const trustAnchors = staffListTrustAnchorsSchema.parse(JSON.parse(readFileSync('resources/trust/staff-list-keys.json', 'utf8')));
    const member = (staffId: string) => ({ officeCode: 'BSK', staffId, displayName: `Кызматкер ${staffId}`, roles: ['clerk'] });

    const created = await pagePost(one, administrator, PORTAL_ENDPOINTS.createStaff.path({}), member('1001'));
    expect(created.status, created.text).toBe(201);
    expect(pinIssuedSchema.parse(created.json()).listVersion).toBe(1);
    const page = staffPageSchema.parse((await pagePost(other, administrator, PORTAL_ENDPOINTS.searchStaff.path({}), { officeCode: 'BSK' })).json());
    expect([page.publishing, page.staff.map((row) => row.staffId), page.lists.map((list) => list.version)]).toEqual([true, ['1001'], [1]]);
    const served = await send(other, { path: PORTAL_ENDPOINTS.staffList.path({}), headers: bearer(credential.token) });
    expect(served.status).toBe(200);
    expect((await verifySignedStaffList(served.json(), { trustAnchors, officeCode: 'BSK', currentVersion: null })).staff.map((row) => row.staffId)).toEqual(['1001']);

    // Twelve creations at once, alternating between the processes: each its own version, none lost, none twice.
    const ids = Array.from({ length: 12 }, (_, index) => String(2001 + index));
    const answers = await Promise.all(ids.map((staffId, index) => pagePost(index % 2 === 0 ? one : other, administrator, PORTAL_ENDPOINTS.createStaff.path({}), member(staffId))));
    for (const answer of answers) expect(answer.status, answer.text).toBe(201);
    const versions = answers.map((answer) => pinIssuedSchema.parse(answer.json()).listVersion).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 12 }, (_, index) => index + 2));

    // The list of the last version holds everyone, whichever process is asked.
    for (const url of [one, other]) {
      const latest = await send(url, { path: PORTAL_ENDPOINTS.staffList.path({}), headers: bearer(credential.token) });
      const list = await verifySignedStaffList(latest.json(), { trustAnchors, officeCode: 'BSK', currentVersion: 1 });
      expect([list.version, list.staff.length, latest.headers.etag]).toEqual([13, 13, '"staff-BSK-13"']);
    }
    expect(await verifyPortalAudit(store.portalAudit)).toMatchObject({ ok: true, entries: 13 });
  });
});
