import type { PortalLog } from '../portal-log.js';
import type { BackOfficeAccountStore } from '../storage/backoffice-account-store.js';
import { accountRoutes } from './account-routes.js';
import { BackOfficeSessions } from './back-office-sessions.js';
import { BackOfficeSignIn } from './back-office-sign-in.js';

/** The back office's sessions (for the authenticator) and its account endpoints, wired from the store. */
export function backOfficeAccounts(options: { accounts: BackOfficeAccountStore; now: () => Date; log: PortalLog; behindTls: boolean }) {
  const { accounts, now, log, behindTls } = options;
  const sessions = new BackOfficeSessions({ accounts, now });
  const signIn = new BackOfficeSignIn({ accounts, sessions, now, log });
  return { sessions, routes: accountRoutes({ signIn, sessions, accounts, behindTls, log }) };
}
