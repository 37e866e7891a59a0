import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminUsageError, runAdmin } from '../../src/portal/admin.js';
import { getWithCookie, sessionPath, signIn, signInRequest } from './backoffice-support.js';
import { STORE_KINDS, useStorage } from './support.js';

/*
 * `portal-admin create-user` and `disable-user` on the storage a running portal uses: the password
 * comes from standard input only, is at least 12 characters, and the account signs in over HTTP.
 */

describe.each(STORE_KINDS)('portal-admin accounts (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('creates an account whose password comes from standard input, and disables it, ending its sessions', async () => {
    const env = await startPortals();
    const options = env.storage.options;
    const notes: string[] = [];
    const admin = (args: string[], input = '') =>
      runAdmin([...args, '--data', dirname(options.sqliteFile)], {
        env: { DATABASE_URL: options.databaseUrl },
        out: () => undefined,
        note: (line) => notes.push(line),
        readInput: () => Promise.resolve(input),
      });

    expect(await admin(['create-user', '--role', 'administrator', '--username', 'Aigul'], 'a long enough passphrase\n')).toBe(0);
    const signedIn = await signIn(env.portal.url, 'aigul', 'a long enough passphrase');
    expect(signedIn.session).toMatchObject({ username: 'aigul', role: 'administrator' });

    await expect(admin(['create-user', '--role', 'officer', '--username', 'bakyt'], 'short pass\n')).rejects.toThrow(/at least 12 characters/);
    await expect(admin(['create-user', '--role', 'officer', '--username', 'bakyt', '--password', 'a long enough passphrase'])).rejects.toThrow(/password/);
    await expect(admin(['create-user', '--role', 'clerk', '--username', 'bakyt'], 'a long enough passphrase')).rejects.toBeInstanceOf(AdminUsageError);
    await expect(admin(['create-user', '--role', 'officer', '--username', 'aigul'], 'another long passphrase')).rejects.toThrow(/exists already/);
    expect((await signInRequest(env.portal.url, 'bakyt', 'a long enough passphrase')).status).toBe(401);
    expect(notes.join('\n')).not.toContain('passphrase');

    expect(await admin(['disable-user', '--username', 'aigul'])).toBe(0);
    expect((await getWithCookie(env.portal.url, sessionPath, signedIn.cookie)).status).toBe(401);
    expect((await signInRequest(env.portal.url, 'aigul', 'a long enough passphrase')).status).toBe(401);
    await expect(admin(['disable-user', '--username', 'nobody'])).rejects.toBeInstanceOf(AdminUsageError);
  });
});
