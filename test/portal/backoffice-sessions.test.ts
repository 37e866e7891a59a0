import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SESSION_POLICY } from '../../src/portal/backoffice/session-policy.js';
import { BACKOFFICE_SESSION_COOKIE, backOfficeUserListSchema } from '../../src/shared/contract/backoffice.js';
import { createAccount, getWithCookie, PASSWORDS, sessionCookie, sessionPath, signIn, signInRequest, signOut, usersPath } from './backoffice-support.js';
import { STORE_KINDS, useStorage } from './support.js';

/*
 * The back office's sessions over HTTP on both stores: the cookie's attributes, CSRF and origin
 * checks on state-changing requests, no session fixation, roles, sign-out everywhere, expiry.
 */

describe.each(STORE_KINDS)('back office sessions (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('signs in with a new HttpOnly, SameSite=Strict session cookie for the whole portal, not Secure over plain HTTP', async () => {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'administrator');
    const answer = await signInRequest(env.portal.url, 'Aigul', PASSWORDS.administrator);
    expect(answer.status, answer.text).toBe(200);
    const setCookie = answer.headers['set-cookie']!.join('\n');
    expect(setCookie).toMatch(new RegExp(`^${BACKOFFICE_SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(answer.json()).toMatchObject({ username: 'aigul', role: 'administrator', idleTimeoutSeconds: SESSION_POLICY.idleSeconds });

    const session = await getWithCookie(env.portal.url, sessionPath, sessionCookie(answer));
    expect(session.status).toBe(200);
    expect(session.json()).toEqual(answer.json());
    expect((await getWithCookie(env.portal.url, sessionPath, '')).status).toBe(401);
    // The store keeps only the id's hash: the cookie's value is nowhere in it.
    const value = sessionCookie(answer).split('=')[1]!;
    expect(await env.store.backOfficeAccounts.session(value)).toBeNull();
  });

  it('refuses a state-changing request without the CSRF token, with a wrong one, or from another site', async () => {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'officer');
    const signedIn = await signIn(env.portal.url, 'aigul', PASSWORDS.officer);
    const wrongToken = randomBytes(32).toString('base64url');
    const attempts: Record<string, string>[] = [
      { 'X-CSRF-Token': '' },
      { 'X-CSRF-Token': wrongToken },
      { 'X-CSRF-Token': signedIn.session.csrfToken.slice(0, -1) },
      { Origin: 'http://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of attempts) {
      const refused = await signOut(env.portal.url, signedIn, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    // None of those ended the session.
    expect((await getWithCookie(env.portal.url, sessionPath, signedIn.cookie)).status).toBe(200);
    expect((await signOut(env.portal.url, signedIn)).status).toBe(204);
  });

  it('refuses a sign-in sent from another site', async () => {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'officer');
    const refused = await signInRequest(env.portal.url, 'aigul', PASSWORDS.officer, { Origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('never takes a cookie set before sign-in as the signed-in session (no fixation)', async () => {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'officer');
    const planted = `${BACKOFFICE_SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`;
    const answer = await signInRequest(env.portal.url, 'aigul', PASSWORDS.officer, { Cookie: planted });
    expect(answer.status).toBe(200);
    expect(sessionCookie(answer)).not.toBe(planted);
    expect((await getWithCookie(env.portal.url, sessionPath, planted)).status).toBe(401);
    expect((await getWithCookie(env.portal.url, sessionPath, sessionCookie(answer))).status).toBe(200);

    // A live session the browser still sends (another person's at a shared desk) ends with the new sign-in.
    await createAccount(env.store, 'bakyt', 'officer');
    const next = await signInRequest(env.portal.url, 'bakyt', PASSWORDS.officer, { Cookie: sessionCookie(answer) });
    expect(next.status).toBe(200);
    expect((await getWithCookie(env.portal.url, sessionPath, sessionCookie(answer))).status).toBe(401);
    expect((await getWithCookie(env.portal.url, sessionPath, sessionCookie(next))).json()).toMatchObject({ username: 'bakyt' });
  });

  it('refuses an officer the administrators’ account list (403) and gives it to an administrator without password hashes', async () => {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'administrator');
    await createAccount(env.store, 'bakyt', 'officer');
    const officer = await signIn(env.portal.url, 'bakyt', PASSWORDS.officer);
    const refused = await getWithCookie(env.portal.url, usersPath, officer.cookie);
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

    const administrator = await signIn(env.portal.url, 'aigul', PASSWORDS.administrator);
    const listed = await getWithCookie(env.portal.url, usersPath, administrator.cookie);
    expect(listed.status).toBe(200);
    expect(backOfficeUserListSchema.parse(listed.json()).users.map(({ username, role }) => `${username}:${role}`)).toEqual(['aigul:administrator', 'bakyt:officer']);
    expect(listed.text).not.toMatch(/scrypt|salt|hash/);
    // An administrator may use every officer endpoint.
    expect((await getWithCookie(env.portal.url, sessionPath, administrator.cookie)).status).toBe(200);
  });

  it('signs out everywhere: another portal process holding the same cookie is signed out too', async () => {
    const env = await startPortals(2);
    const [first, second] = env.portals as [(typeof env.portals)[0], (typeof env.portals)[0]];
    await createAccount(env.store, 'aigul', 'officer');
    const signedIn = await signIn(first.url, 'aigul', PASSWORDS.officer);
    expect((await getWithCookie(second.url, sessionPath, signedIn.cookie)).status).toBe(200);
    const signedOut = await signOut(second.url, signedIn);
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers['set-cookie']!.join('\n')).toContain('Max-Age=0');
    expect((await getWithCookie(first.url, sessionPath, signedIn.cookie)).status).toBe(401);
    expect((await getWithCookie(second.url, sessionPath, signedIn.cookie)).status).toBe(401);
  });

  it('ends a session after the idle time without requests, and after the absolute time however busy', async () => {
    let now = Date.parse('2026-12-01T08:00:00.000Z');
    const env = await startPortals(1, { now: () => new Date(now) });
    await createAccount(env.store, 'aigul', 'officer');
    const idle = await signIn(env.portal.url, 'aigul', PASSWORDS.officer);
    now += SESSION_POLICY.idleSeconds * 1000 - 1000;
    expect((await getWithCookie(env.portal.url, sessionPath, idle.cookie)).status).toBe(200);
    now += SESSION_POLICY.idleSeconds * 1000 + 1000;
    expect((await getWithCookie(env.portal.url, sessionPath, idle.cookie)).status).toBe(401);

    const busy = await signIn(env.portal.url, 'aigul', PASSWORDS.officer);
    const end = now + SESSION_POLICY.absoluteSeconds * 1000;
    while (now + 10 * 60_000 < end) {
      now += 10 * 60_000;
      expect((await getWithCookie(env.portal.url, sessionPath, busy.cookie)).status).toBe(200);
    }
    now = end + 1000;
    expect((await getWithCookie(env.portal.url, sessionPath, busy.cookie)).status).toBe(401);
  });

  it('ends every session of an account that is disabled', async () => {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'officer');
    const signedIn = await signIn(env.portal.url, 'aigul', PASSWORDS.officer);
    expect(await env.store.backOfficeAccounts.disableAccount('aigul', new Date())).toBe(true);
    expect((await getWithCookie(env.portal.url, sessionPath, signedIn.cookie)).status).toBe(401);
    expect((await signInRequest(env.portal.url, 'aigul', PASSWORDS.officer)).status).toBe(401);
  });
});
