import { describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY } from '../../src/portal/backoffice/session-policy.js';
import { accountLockedSchema } from '../../src/shared/contract/backoffice.js';
import { createAccount, PASSWORDS, signInPath } from './backoffice-support.js';
import { send, STORE_KINDS, useStorage, type Answer } from './support.js';

/*
 * The lockout under a burst on both stores: wrong passwords and the right one sent together for
 * one username, each from its own address so the per-address rate limit does not hide the lock.
 * No more password checks fail than the lock allows, the right password is refused once locked
 * (sent first, its check may begin before the lock and end after it), and the lock is still there
 * afterwards.
 */

const WRONG_PASSWORDS = 30;

const signInFrom = (url: string, from: string, username: string, password: string): Promise<Answer> =>
  send(url, { method: 'POST', path: signInPath, from, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe.each(STORE_KINDS)('back office sign-in under concurrent attempts (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it(`checks at most ${LOCKOUT_POLICY.failuresBeforeLock} wrong passwords of ${WRONG_PASSWORDS} sent together, refuses the right one sent with them, and keeps the lock`, async () => {
    const now = Date.parse('2026-12-01T08:00:00.000Z');
    const failedChecks: string[] = [];
    const env = await startPortals(1, {
      now: () => new Date(now),
      log: (event) => {
        if (event === 'backoffice_sign_in_failed') failedChecks.push(event);
      },
    });
    await createAccount(env.store, 'aigul', 'officer');

    const burst = Array.from({ length: WRONG_PASSWORDS + 1 }, (_, index) => ({
      from: `127.0.0.${index + 2}`,
      password: index === 0 ? PASSWORDS.officer : `wrong password number ${index}`,
    }));
    const answers = await Promise.all(burst.map(({ from, password }) => signInFrom(env.portal.url, from, 'aigul', password)));

    const right = answers[0]!;
    expect(right.status, right.text).toBe(423);
    expect(right.headers['set-cookie']).toBeUndefined();
    expect(failedChecks.length).toBeLessThanOrEqual(LOCKOUT_POLICY.failuresBeforeLock);
    const statuses = answers.map(({ status }) => status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThan(LOCKOUT_POLICY.failuresBeforeLock);
    expect(statuses.filter((status) => status !== 401 && status !== 423)).toEqual([]);
    const lockedUntil = now + LOCKOUT_POLICY.lockMinutes * 60_000;
    for (const answer of answers.filter(({ status }) => status === 423)) {
      expect(Date.parse(accountLockedSchema.parse(answer.json()).error.lockedUntil)).toBe(lockedUntil);
    }

    const afterwards = await signInFrom(env.portal.url, '127.0.0.100', 'aigul', PASSWORDS.officer);
    expect(afterwards.status, afterwards.text).toBe(423);
    expect(Date.parse(accountLockedSchema.parse(afterwards.json()).error.lockedUntil)).toBe(lockedUntil);
  });
});
