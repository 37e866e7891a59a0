import type { IncomingHttpHeaders } from 'node:http';
import { PORTAL_HEADERS } from '../../shared/contract/portal.js';

/**
 * Whether a browser sent this request from the portal's own pages. A page of another site can
 * make a browser send a form or fetch with the victim's cookie; SameSite=Strict and the CSRF token
 * stop that, and this is the third lock: Sec-Fetch-Site must say same-origin and Origin must be
 * this portal, where the browser sends them. A client that is no browser sends neither, and
 * still needs the session's CSRF token.
 */
export function fromOwnOrigin(headers: IncomingHttpHeaders, overTls: boolean): boolean {
  const site = headers[PORTAL_HEADERS.secFetchSite];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = headers[PORTAL_HEADERS.origin];
  if (origin === undefined) return true;
  const host = headers.host;
  return host !== undefined && origin === `${overTls ? 'https' : 'http'}://${host}`;
}
