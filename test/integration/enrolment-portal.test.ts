import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runAdmin } from '../../src/portal/admin.js';
import { describe, expect, it } from 'vitest';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { ENROLMENT_CODE_PATTERN, enrolmentCodeFromRandom, normaliseEnrolmentCode } from '../../src/shared/domain/enrolment-code.js';
import { createAccount, PASSWORDS, signIn, type SignedIn } from '../portal/backoffice-support.js';
import { ADMIN_TOKEN, bearer, postJson, send, STORE_KINDS, useStorage, validHeartbeat, type PortalEnv } from '../portal/support.js';

/** A state-changing request of the back office page: the session cookie, its CSRF token, the same origin. */
const asPage = (url: string, signedIn: SignedIn) => ({ Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: url, 'Sec-Fetch-Site': 'same-origin' });

/** The headers of the administrator signed in for the current test (see withAdministrator). */
let admin: Record<string, string> = {};

/** Starts portals as `startPortals` does, with an administrator and an officer account; the administrator signs in. */
function withAdministrator(startPortals: ReturnType<typeof useStorage>['startPortals']) {
  return async (...args: Parameters<typeof startPortals>): Promise<PortalEnv & { officer: Record<string, string> }> => {
    const env = await startPortals(...args);
    await createAccount(env.store, 'aigul', 'administrator');
    await createAccount(env.store, 'bakyt', 'officer');
    admin = asPage(env.portal.url, await signIn(env.portal.url, 'aigul', PASSWORDS.administrator));
    return { ...env, officer: asPage(env.portal.url, await signIn(env.portal.url, 'bakyt', PASSWORDS.officer)) };
  };
}

const createCode = (url: string, kioskCode: string, headers: Record<string, string> = admin) =>
  send(url, { method: 'POST', path: PORTAL_ENDPOINTS.createEnrolmentCode.path({ kioskCode }), headers });
const revoke = (url: string, kioskCode: string, headers: Record<string, string> = admin) =>
  send(url, { method: 'POST', path: PORTAL_ENDPOINTS.revokeKiosk.path({ kioskCode }), headers });
const exchange = (url: string, kioskCode: string, code: string) => postJson(url, PORTAL_ENDPOINTS.exchangeEnrolmentCode.path({}), { kioskCode, code });
const heartbeat = (url: string, token: string) => postJson(url, PORTAL_ENDPOINTS.recordHeartbeat.path({}), validHeartbeat, bearer(token));
const codeOf = (answer: { json(): unknown }) => (answer.json() as { code: string }).code;
const credentialOf = (answer: { json(): unknown }) => (answer.json() as { credential: string }).credential;

/** Another well-formed code with a matching check character: what a guesser would send. */
function anotherValidCode(code: string): string {
  const other = enrolmentCodeFromRandom(new Uint8Array(9).fill(7));
  return other === code ? enrolmentCodeFromRandom(new Uint8Array(9).fill(8)) : other;
}

describe.each(STORE_KINDS)('kiosk enrolment at the portal (%s)', (kind) => {
  const startPortals = withAdministrator(useStorage(kind).startPortals);

  it('gives an administrator a typeable code that the kiosk trades once for a working credential', async () => {
    const { portal } = await startPortals();
    const created = await createCode(portal.url, 'BSK3');
    expect(created.status).toBe(201);
    const { code, expiresAt } = created.json() as { code: string; expiresAt: string };
    expect(code).toMatch(ENROLMENT_CODE_PATTERN);
    expect(normaliseEnrolmentCode(code.toLowerCase().replace('-', ' '))).toBe(code);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(24 * 3600_000 - 60_000);

    const enrolled = await exchange(portal.url, 'BSK3', code);
    expect(enrolled.status).toBe(200);
    const credential = credentialOf(enrolled);
    expect(credential).toMatch(/^kiosk_BSK3\./);
    expect((await heartbeat(portal.url, credential)).status).toBe(204);
  });

  it('refuses a used, wrong, replaced, expired or other kiosk’s code with one and the same answer', async () => {
    let clock = new Date('2026-12-01T08:00:00.000Z');
    const { portal } = await startPortals(1, { now: () => clock });
    const used = codeOf(await createCode(portal.url, 'BSK3'));
    expect((await exchange(portal.url, 'BSK3', used)).status).toBe(200);

    const replaced = codeOf(await createCode(portal.url, 'BSK4'));
    const current = codeOf(await createCode(portal.url, 'BSK4'));
    const forBsk5 = codeOf(await createCode(portal.url, 'BSK5'));
    const expiring = codeOf(await createCode(portal.url, 'BSK6'));
    const refusals = [
      await exchange(portal.url, 'BSK3', used),
      await exchange(portal.url, 'BSK4', replaced),
      await exchange(portal.url, 'BSK4', anotherValidCode(current)),
      await exchange(portal.url, 'BSK4', forBsk5),
      await exchange(portal.url, 'BSK7', current),
    ];
    clock = new Date(clock.getTime() + 24 * 3600_000);
    refusals.push(await exchange(portal.url, 'BSK6', expiring));
    for (const refusal of refusals) {
      expect(refusal.status).toBe(401);
      expect(refusal.text).toBe(refusals[0]!.text);
    }
    expect(refusals[0]!.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'This enrolment code is not valid for this kiosk.' } });
    // None of those spent the kiosk's current code.
    clock = new Date('2026-12-01T09:00:00.000Z');
    expect((await exchange(portal.url, 'BSK4', current)).status).toBe(200);
    expect((await exchange(portal.url, 'BSK5', forBsk5)).status).toBe(200);
  });

  it('re-enrolling a kiosk revokes its earlier credential, so a stolen disk’s copy stops working', async () => {
    const { portal, tokens } = await startPortals();
    expect((await heartbeat(portal.url, tokens.BSK1)).status).toBe(204);
    const credential = credentialOf(await exchange(portal.url, 'BSK1', codeOf(await createCode(portal.url, 'BSK1'))));
    expect((await heartbeat(portal.url, tokens.BSK1)).status).toBe(403);
    expect((await heartbeat(portal.url, credential)).status).toBe(204);
    expect((await heartbeat(portal.url, tokens.BSK2)).status).toBe(204);
  });

  it('lets an administrator revoke a kiosk: its credential and its unused code both stop working', async () => {
    const { portal, tokens } = await startPortals();
    const pending = codeOf(await createCode(portal.url, 'BSK1'));
    const revoked = await revoke(portal.url, 'BSK1');
    expect(revoked.status).toBe(200);
    expect(revoked.json()).toEqual({ kioskCode: 'BSK1', revokedCredentials: 1 });
    expect((await heartbeat(portal.url, tokens.BSK1)).status).toBe(403);
    expect((await exchange(portal.url, 'BSK1', pending)).status).toBe(401);
    const again = await revoke(portal.url, 'BSK1');
    expect(again.json()).toEqual({ kioskCode: 'BSK1', revokedCredentials: 0 });
  });

  it('makes and revokes only for a signed-in administrator: an officer, a kiosk, the old token or a request without its CSRF token are refused', async () => {
    const { portal, tokens, officer } = await startPortals();
    const withoutCsrf = Object.fromEntries(Object.entries(admin).filter(([name]) => name !== 'X-CSRF-Token'));
    for (const [headers, status] of [
      [officer, 403],
      [withoutCsrf, 403],
      [{ ...admin, Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' }, 403],
      [{}, 401],
      [bearer(tokens.BSK1), 401],
      [bearer(ADMIN_TOKEN), 401],
    ] as const) {
      expect((await createCode(portal.url, 'BSK1', headers)).status).toBe(status);
      expect((await revoke(portal.url, 'BSK1', headers)).status).toBe(status);
    }
    expect((await heartbeat(portal.url, tokens.BSK1)).status).toBe(204);
  });

  it('spends a code once when two exchanges race for it, through two portal processes', async () => {
    const { portals } = await startPortals(2);
    const code = codeOf(await createCode(portals[0]!.url, 'BSK3'));
    const answers = await Promise.all([exchange(portals[0]!.url, 'BSK3', code), exchange(portals[1]!.url, 'BSK3', code)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });
});

describe('enrolment codes and what the portal keeps of them', () => {
  const startPortals = withAdministrator(useStorage('sqlite').startPortals);

  it('stores only a salted hash of the code and never logs the code or the credential', async () => {
    const lines: string[] = [];
    const { portal, storage } = await startPortals(1, { log: (event, fields) => lines.push(JSON.stringify({ event, ...fields })) });
    const code = codeOf(await createCode(portal.url, 'BSK3'));
    const db = new Database(storage.options.sqliteFile, { readonly: true });
    const rows = db.prepare('SELECT * FROM enrolment_code').all();
    db.close();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''));
    const credential = credentialOf(await exchange(portal.url, 'BSK3', code));
    const secret = credential.split('.')[1]!;
    const file = readFileSync(storage.options.sqliteFile).toString('latin1') + readFileSync(`${storage.options.sqliteFile}-wal`).toString('latin1');
    expect(file).not.toContain(secret);
    expect(file).not.toContain(code);
    expect(lines.join('\n')).not.toContain(code);
    expect(lines.join('\n')).not.toContain(code.replace('-', ''));
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.some((line) => line.includes('"event":"kiosk_enrolled"') && line.includes('BSK3'))).toBe(true);
  });

  it('answers at most ten exchanges a minute per address, then 429 with Retry-After', async () => {
    const { portal } = await startPortals();
    const code = codeOf(await createCode(portal.url, 'BSK3'));
    const wrong = anotherValidCode(code);
    for (let attempt = 0; attempt < 10; attempt++) expect((await exchange(portal.url, 'BSK3', wrong)).status).toBe(401);
    const limited = await exchange(portal.url, 'BSK3', code);
    expect(limited.status).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // The limit is the exchange's alone: the kiosk API and the administrator go on.
    expect((await createCode(portal.url, 'BSK4')).status).toBe(201);
  });

  it('portal-admin create-enrolment-code prints a code once on stdout, and revoke-credential cancels it', async () => {
    const { portal, storage } = await startPortals();
    const out: string[] = [];
    const notes: string[] = [];
    const io = { env: {}, out: (line: string) => out.push(line), note: (line: string) => notes.push(line) };
    const data = dirname(storage.options.sqliteFile);
    expect(await runAdmin(['create-enrolment-code', '--kiosk', 'BSK3', '--data', data], io)).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(ENROLMENT_CODE_PATTERN);
    expect(notes.join('\n')).not.toContain(out[0]);
    expect((await exchange(portal.url, 'BSK3', out[0]!)).status).toBe(200);

    await runAdmin(['create-enrolment-code', '--kiosk', 'BSK3', '--data', data], io);
    await runAdmin(['revoke-credential', '--kiosk', 'BSK3', '--data', data], io);
    expect((await exchange(portal.url, 'BSK3', out[1]!)).status).toBe(401);
    await expect(runAdmin(['create-enrolment-code', '--kiosk', 'bsk3', '--data', data], io)).rejects.toThrow(/--kiosk/);
  });
});
