import { describe, expect, it } from 'vitest';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { enrolmentCodeFromRandom } from '../../src/shared/domain/enrolment-code.js';
import { send, useStorage } from './support.js';

/*
 * Behind a reverse proxy every request reaches the portal from the proxy's address. The
 * per-address limits (sign-in, the enrolment-code exchange: ten a minute) must then count each
 * client, or one person could lock every officer and technician out; and only the proxy may name
 * the client, or anyone could make up a new address for every try.
 */

const WRONG_CODE = enrolmentCodeFromRandom(new Uint8Array(9).fill(7));
const PROXY = '127.0.0.1';

/** One exchange of a wrong code, as the proxy forwards it for a client (or as a client sending the header itself). */
const exchangeFor = (url: string, client: string) =>
  send(url, {
    method: 'POST',
    path: PORTAL_ENDPOINTS.exchangeEnrolmentCode.path({}),
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
    body: JSON.stringify({ kioskCode: 'BSK1', code: WRONG_CODE }),
  });

describe('the per-address limits behind a reverse proxy', () => {
  const { startPortals } = useStorage('sqlite');

  it('with the proxy named, count each client it forwards: one client limited, the next one not', async () => {
    const { portal } = await startPortals(1, { trustedProxy: PROXY });
    for (let attempt = 0; attempt < 10; attempt++) expect((await exchangeFor(portal.url, '203.0.113.7')).status).toBe(401);
    expect((await exchangeFor(portal.url, '203.0.113.7')).status).toBe(429);
    expect((await exchangeFor(portal.url, '203.0.113.8')).status).toBe(401);
  });

  it('without it, take no address from the header: a client cannot make up a new one for every try', async () => {
    const { portal } = await startPortals();
    for (let attempt = 0; attempt < 10; attempt++) expect((await exchangeFor(portal.url, `203.0.113.${attempt + 1}`)).status).toBe(401);
    expect((await exchangeFor(portal.url, '203.0.113.99')).status).toBe(429);
  });

  it('with the proxy named, take the header only from the proxy: a client elsewhere cannot name itself', async () => {
    const { portal } = await startPortals(1, { trustedProxy: '127.0.0.2' });
    for (let attempt = 0; attempt < 10; attempt++) expect((await exchangeFor(portal.url, `203.0.113.${attempt + 1}`)).status).toBe(401);
    expect((await exchangeFor(portal.url, '203.0.113.99')).status).toBe(429);
  });
});
