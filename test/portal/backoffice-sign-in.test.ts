import { describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY } from '../../src/portal/backoffice/session-policy.js';
import { accountLockedSchema } from '../../src/shared/contract/backoffice.js';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { createAccount, PASSWORDS, signIn, signInRequest, signOut } from './backoffice-support.js';
import { STORE_KINDS, useStorage } from './support.js';

/*
 * Sign-in over HTTP on both stores: the lock after repeated failures and its end, an unknown
 * username answered and locked exactly as a known one, the per-address rate limit, and a log that
 * records every sign-in, failure, lock and sign-out without the password.
 */

describe.each(STORE_KINDS)('back office sign-in (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it(`locks a username after ${LOCKOUT_POLICY.failuresBeforeLock} wrong passwords until the lock ends, even for the right password`, async () => {
    let now = Date.parse('2026-12-01T08:00:00.000Z');
    const env = await startPortals(1, { now: () => new Date(now) });
    await createAccount(env.store, 'aigul', 'officer');
    for (let attempt = 1; attempt < LOCKOUT_POLICY.failuresBeforeLock; attempt++) {
      const wrong = await signInRequest(env.portal.url, 'aigul', 'not the password at all');
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
      expect(wrong.json()).toMatchObject({ error: { code: 'SIGN_IN_FAILED' } });
    }
    const locking = await signInRequest(env.portal.url, 'aigul', 'not the password at all');
    expect(locking.status).toBe(423);
    const lockedUntil = accountLockedSchema.parse(locking.json()).error.lockedUntil;
    expect(Date.parse(lockedUntil)).toBe(now + LOCKOUT_POLICY.lockMinutes * 60_000);

    now += LOCKOUT_POLICY.lockMinutes * 60_000 - 1000;
    const stillLocked = await signInRequest(env.portal.url, 'aigul', PASSWORDS.officer);
    expect(stillLocked.status).toBe(423);
    expect(accountLockedSchema.parse(stillLocked.json()).error.lockedUntil).toBe(lockedUntil);
    expect(stillLocked.headers['set-cookie']).toBeUndefined();

    now += 2000;
    await signIn(env.portal.url, 'aigul', PASSWORDS.officer);
  });

  it('answers an unknown username as a wrong password, in about the same time, and locks it the same way', async () => {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'officer');
    const timed = async (username: string) => {
      const started = performance.now();
      const answer = await signInRequest(env.portal.url, username, 'not the password at all');
      return { answer, ms: performance.now() - started };
    };
    const known = await timed('aigul');
    const unknown = await timed('nobody');
    expect(unknown.answer.status).toBe(known.answer.status);
    expect(unknown.answer.json()).toEqual(known.answer.json());
    // Both ran one scrypt at the same cost: an unknown name is not answered at once.
    expect(unknown.ms).toBeGreaterThan(known.ms / 3);
    let last = unknown.answer;
    for (let attempt = 2; attempt <= LOCKOUT_POLICY.failuresBeforeLock; attempt++) last = await signInRequest(env.portal.url, 'nobody', 'still not it at all');
    expect(last.status).toBe(423);
  });

  it('answers 429 with Retry-After once an address has tried too often, whatever the usernames', async () => {
    const env = await startPortals();
    const { max } = PORTAL_ENDPOINTS.signIn.rateLimit ?? { max: 0 };
    for (let attempt = 1; attempt <= max; attempt++) {
      expect((await signInRequest(env.portal.url, `user${attempt}`, 'a wrong password')).status, `attempt ${attempt}`).toBe(401);
    }
    const limited = await signInRequest(env.portal.url, 'user0', 'a wrong password');
    expect(limited.status).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('logs each sign-in, failure, lock and sign-out with the account and address, never the password', async () => {
    const events: { event: string; fields: Record<string, string | number> }[] = [];
    const env = await startPortals(1, { log: (event, fields = {}) => events.push({ event, fields }) });
    await createAccount(env.store, 'aigul', 'officer');
    const signedIn = await signIn(env.portal.url, 'aigul', PASSWORDS.officer);
    expect((await signOut(env.portal.url, signedIn)).status).toBe(204);
    for (let attempt = 1; attempt <= LOCKOUT_POLICY.failuresBeforeLock; attempt++) await signInRequest(env.portal.url, 'aigul', 'wrong password number one');
    await signInRequest(env.portal.url, 'aigul', PASSWORDS.officer);
    await signInRequest(env.portal.url, 'nobody', 'typed password maybe');

    const names = events.map(({ event }) => event).filter((event) => event.startsWith('backoffice_'));
    expect(names).toEqual([
      'backoffice_signed_in',
      'backoffice_signed_out',
      ...Array<string>(LOCKOUT_POLICY.failuresBeforeLock).fill('backoffice_sign_in_failed'),
      'backoffice_account_locked',
      'backoffice_sign_in_refused_locked',
      'backoffice_sign_in_failed',
    ]);
    expect(events.find(({ event }) => event === 'backoffice_signed_in')!.fields).toMatchObject({ username: 'aigul', role: 'officer', address: '127.0.0.1' });
    const text = JSON.stringify(events);
    for (const secret of [PASSWORDS.officer, 'wrong password number one', 'typed password maybe', 'nobody']) expect(text).not.toContain(secret);
  });
});
