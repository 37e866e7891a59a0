import { BACKOFFICE_ROLES, usernameSchema, type BackOfficeRole } from '../../shared/contract/backoffice.js';
import type { BackOfficeAccountStore } from '../storage/backoffice-account-store.js';
import { hashPassword } from './password-hash.js';

/** A command-line argument the account commands refuse, in words for the person at the terminal. */
export class AccountArgumentRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountArgumentRefused';
  }
}

export function accountUsername(given: string | undefined): string {
  if (!given) throw new AccountArgumentRefused('needs --username <name>');
  const parsed = usernameSchema.safeParse(given.toLowerCase());
  if (!parsed.success) throw new AccountArgumentRefused('--username: 3 to 64 of a-z, 0-9, dot, dash and underscore, starting with a letter or digit');
  return parsed.data;
}

export function accountRole(given: string | undefined): BackOfficeRole {
  const role = BACKOFFICE_ROLES.find((known) => known === given);
  if (!role) throw new AccountArgumentRefused(`needs --role ${BACKOFFICE_ROLES.join('|')}`);
  return role;
}

/**
 * A new account with the password read from standard input (never a flag, which the shell's
 * history and the process list would keep). Refuses a username already taken.
 */
export async function createAccount(accounts: BackOfficeAccountStore, request: { username: string; role: BackOfficeRole; passwordInput: string; now: Date }): Promise<void> {
  const passwordHash = await hashPassword(request.passwordInput);
  const created = await accounts.createAccount({ username: request.username, role: request.role, passwordHash, createdAt: request.now.toISOString() });
  if (created === 'username-taken') throw new AccountArgumentRefused(`an account named ${request.username} exists already`);
}
