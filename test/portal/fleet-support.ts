import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal, type PortalOptions } from '../../src/portal/server.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { createAccount, signIn, type SignedIn } from './backoffice-support.js';
import { ADMIN_TOKEN, postJson, send, type Answer, type StoreKind, useStorage } from './support.js';

export const fleetPath = PORTAL_ENDPOINTS.listFleet.path({});

/** A clock the test moves by hand. */
export function fixedClock(start: string) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at: string) => void (now = new Date(at)),
    advanceMinutes: (minutes: number) => void (now = new Date(now.getTime() + minutes * 60_000)),
  };
}

export interface FleetEnv {
  portal: Portal;
  store: PortalStore;
  administrator: SignedIn;
  officer: SignedIn;
  /** A live kiosk credential for this code. */
  issue(kioskCode: string): Promise<string>;
}

/** Portals on real storage of `kind` with an administrator and an officer signed in; closed after each test. */
export function useFleetPortal(kind: StoreKind) {
  const { storage } = useStorage(kind);
  const portals: Portal[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    // A test may have closed its portal already (to see what stops with it).
    for (const portal of portals.splice(0)) await portal.close().catch(() => undefined);
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  async function openStore(): Promise<PortalStore> {
    const store = await (await storage()).open();
    await store.migrate();
    return store;
  }

  async function start(options: Partial<PortalOptions> & { store?: PortalStore } = {}): Promise<FleetEnv> {
    const store = options.store ?? (await openStore());
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-fleet-'));
    folders.push(dataFolder);
    const portal = await startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [], ...options, store });
    portals.push(portal);
    await createAccount(store, 'aigul', 'administrator');
    await createAccount(store, 'bakyt', 'officer');
    const now = options.now ?? (() => new Date());
    return {
      portal,
      store,
      administrator: await signIn(portal.url, 'aigul', 'correct horse battery'),
      officer: await signIn(portal.url, 'bakyt', 'officer passphrase 7'),
      issue: async (kioskCode) => {
        const credential = newKioskCredential(kioskCode);
        await store.issueCredential(kioskCode, credential.secretHash, now());
        return credential.token;
      },
    };
  }

  return { openStore, start };
}

/** A call as the back office page makes it: cookie, CSRF token, same origin. */
export function asPage(url: string, signedIn: SignedIn, path: string, body: unknown, overrides: Record<string, string | undefined> = {}): Promise<Answer> {
  const headers = Object.fromEntries(
    Object.entries({ Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: url, 'Sec-Fetch-Site': 'same-origin', ...overrides }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return body === undefined ? send(url, { method: 'POST', path, headers }) : postJson(url, path, body, headers);
}
