import { expect } from 'vitest';
import { hashPassword } from '../../src/portal/backoffice/password-hash.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import { BACKOFFICE_SESSION_COOKIE, backOfficeSessionSchema, type BackOfficeRole, type BackOfficeSession } from '../../src/shared/contract/backoffice.js';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { postJson, send, type Answer } from './support.js';

export const PASSWORDS = { administrator: 'correct horse battery', officer: 'officer passphrase 7' } as const;

/** An account straight in the store, with a real scrypt hash. */
export async function createAccount(store: PortalStore, username: string, role: BackOfficeRole, password: string = PASSWORDS[role]): Promise<void> {
  const created = await store.backOfficeAccounts.createAccount({ username, role, passwordHash: await hashPassword(password), createdAt: new Date().toISOString() });
  expect(created).toBe('created');
}

export const signInPath = PORTAL_ENDPOINTS.signIn.path({});
export const sessionPath = PORTAL_ENDPOINTS.backOfficeSession.path({});
export const signOutPath = PORTAL_ENDPOINTS.signOut.path({});
export const usersPath = PORTAL_ENDPOINTS.listBackOfficeUsers.path({});

export const signInRequest = (url: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Answer> =>
  postJson(url, signInPath, { username, password }, headers);

/** The session cookie a Set-Cookie header sets, as a Cookie header sends it back. */
export function sessionCookie(answer: Answer): string {
  const setCookie = answer.headers['set-cookie']?.find((line) => line.startsWith(`${BACKOFFICE_SESSION_COOKIE}=`));
  expect(setCookie, 'the answer sets the session cookie').toBeDefined();
  return setCookie!.split(';')[0]!;
}

export interface SignedIn {
  cookie: string;
  session: BackOfficeSession;
}

export async function signIn(url: string, username: string, password: string): Promise<SignedIn> {
  const answer = await signInRequest(url, username, password);
  expect(answer.status, answer.text).toBe(200);
  return { cookie: sessionCookie(answer), session: backOfficeSessionSchema.parse(answer.json()) };
}

/** A state-changing request as the back office page sends it: cookie, CSRF token, same origin. */
export function signOut(url: string, signedIn: SignedIn, headers: Record<string, string> = {}): Promise<Answer> {
  return send(url, {
    method: 'POST',
    path: signOutPath,
    headers: { Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: url, 'Sec-Fetch-Site': 'same-origin', ...headers },
  });
}

export const getWithCookie = (url: string, path: string, cookie: string): Promise<Answer> => send(url, { path, headers: { Cookie: cookie } });
