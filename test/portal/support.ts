import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import Database from 'better-sqlite3';
import { randomUUID, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, inject } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { SEALED_FORMAT, submissionAssociatedData } from '../../src/portal/open-submission.js';
import { startPortal, type Portal, type PortalOptions } from '../../src/portal/server.js';
import { createPortalStore, type PortalStore, type PortalStoreOptions } from '../../src/portal/storage/portal-store.js';
import type { Heartbeat, SubmissionRequest } from '../../src/shared/contract/portal.js';
import { receiptNumberOf } from '../support/receipt-numbers.js';

export const STORE_KINDS = ['sqlite', 'postgresql'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const ADMIN_TOKEN = 'portal-test-admin-token';
const portalKey = JSON.parse(readFileSync('resources/content-source/portal-key.json', 'utf8')) as { keyId: string; publicKey: string };
export const demoPrivateKey = JSON.parse(readFileSync('resources/demo-keys/demo-portal-2026.private.json', 'utf8')) as {
  keyId: string;
  privateKeyJwk: JsonWebKey;
};

// ---- PostgreSQL ----------------------------------------------------------------------------------

let baseUrl: Promise<string> | undefined;

/** The test server's URL (from DATABASE_URL_TEST, or the private server postgres-setup.ts starts on first use). */
export function postgresBaseUrl(): Promise<string> {
  baseUrl ??= (async () => {
    const provided = inject('portalPostgres');
    if ('url' in provided) return provided.url;
    const answer = (await (await fetch(provided.launcher)).json()) as { url?: string; error?: string };
    if (!answer.url) throw new Error(answer.error ?? 'the PostgreSQL launcher gave no URL');
    return answer.url;
  })();
  return baseUrl;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: await postgresBaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server: one per test, so tests never see each other's rows. */
async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `portal_${randomUUID().replaceAll('-', '')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(await postgresBaseUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

// ---- storage and portals, cleaned up after each test ----------------------------------------------

export interface Storage {
  kind: StoreKind;
  options: PortalStoreOptions;
  /** Opens (and tracks) another store on the same storage, not migrated. */
  open(): Promise<PortalStore>;
}

export interface PortalEnv {
  storage: Storage;
  /** The store the first portal uses. */
  store: PortalStore;
  portals: Portal[];
  portal: Portal;
  /** Live credentials, issued before the test. */
  tokens: { BSK1: string; BSK2: string };
}

/** Registers an afterEach that closes portals, then stores, then removes the storage. */
export function useStorage(kind: StoreKind) {
  const portals: Portal[] = [];
  const stores: PortalStore[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const portal of portals.splice(0)) await portal.close();
    for (const store of stores.splice(0)) await store.close();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function storage(): Promise<Storage> {
    let options: PortalStoreOptions;
    if (kind === 'postgresql') {
      const database = await createDatabase();
      cleanups.push(() => database.drop());
      options = { databaseUrl: database.url, sqliteFile: '/nonexistent/unused.sqlite' };
    } else {
      const folder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-test-'));
      cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
      options = { sqliteFile: join(folder, 'portal.sqlite') };
    }
    return {
      kind,
      options,
      open: async () => {
        const store = await createPortalStore(options);
        stores.push(store);
        return store;
      },
    };
  }

  /**
   * Storage, `count` portals sharing it (each with its own store), and credentials for BSK1 and BSK2
   * (issued again: earlier ones are revoked). With `on`, the portals start on that storage, as a
   * portal process started later does.
   */
  async function startPortals(
    count = 1,
    extra: Partial<Pick<PortalOptions, 'now' | 'log' | 'trustAnchors' | 'trustedProxy' | 'rateLimits' | 'updatesFolder'>> = {},
    on?: Storage,
  ): Promise<PortalEnv> {
    const target = on ?? (await storage());
    const started: Portal[] = [];
    let first: PortalStore | undefined;
    for (let index = 0; index < count; index++) {
      const store = await target.open();
      first ??= store;
      const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-data-'));
      cleanups.push(() => rmSync(dataFolder, { recursive: true, force: true }));
      const portal = await startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [], ...extra, store });
      portals.push(portal);
      started.push(portal);
    }
    const issue = async (code: string) => {
      const credential = newKioskCredential(code);
      await first!.issueCredential(code, credential.secretHash, new Date());
      return credential.token;
    };
    return { storage: target, store: first!, portals: started, portal: started[0]!, tokens: { BSK1: await issue('BSK1'), BSK2: await issue('BSK2') } };
  }

  return { storage, startPortals };
}

/** Runs SQL on the storage over a connection of its own, with the rights the portal itself has: as someone with the database's password would. */
export async function runSql(target: Storage, sql: string): Promise<void> {
  if (target.kind === 'sqlite') {
    const db = new Database(target.options.sqliteFile);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.options.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---- HTTP ---------------------------------------------------------------------------------------

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

/** One request with node:http, so paths and headers go out exactly as given (fetch would normalise them). */
export function send(
  baseUrl: string,
  options: { method?: string; path: string; headers?: OutgoingHttpHeaders; body?: string | Uint8Array; /** A loopback address of 127.0.0.0/8 to send from (a client of its own for per-address limits). */ from?: string },
): Promise<Answer> {
  const url = new URL(baseUrl);
  // Frame every body explicitly: node:http sends a HEAD request's body without a Content-Length.
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers = body === undefined ? (options.headers ?? {}) : { 'Content-Length': body.length, ...options.headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers, agent: false, ...(options.from ? { localAddress: options.from } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) as unknown });
        });
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function postJson(baseUrl: string, path: string, body: unknown, headers: OutgoingHttpHeaders = {}): Promise<Answer> {
  return send(baseUrl, { method: 'POST', path, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export function submit(baseUrl: string, token: string, request: SubmissionRequest, key: string = request.id): Promise<Answer> {
  return postJson(baseUrl, '/v1/submissions', request, { ...bearer(token), 'Idempotency-Key': key });
}

// ---- payloads -----------------------------------------------------------------------------------

const suite = () => new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

/** Seals like the kiosk does: HPKE to the demo portal public key, AAD bound to id and form. */
export async function sealForPortal(plaintext: Uint8Array, id: string, formId: string, formVersion: number): Promise<string> {
  const cipherSuite = suite();
  const recipientPublicKey = await cipherSuite.kem.importKey('raw', Uint8Array.from(Buffer.from(portalKey.publicKey, 'base64url')).buffer, true);
  const { enc, ct } = await cipherSuite.seal({ recipientPublicKey }, plaintext, submissionAssociatedData(id, formId, formVersion));
  return Buffer.concat([Buffer.from(enc), Buffer.from(ct)]).toString('base64');
}

let sequence = Math.floor(Math.random() * 1_000_000);

/** A valid submission from `kioskCode`, with a fresh id and receipt number; the document is what gets sealed. */
export async function makeSubmission(
  kioskCode = 'BSK1',
  overrides: Partial<SubmissionRequest> = {},
  document: unknown = { answers: { lastName: 'Асанова' } },
): Promise<SubmissionRequest> {
  const id = overrides.id ?? randomUUID();
  const formId = overrides.formId ?? 'form-general';
  const formVersion = overrides.formVersion ?? 1;
  return {
    id,
    receiptNumber: receiptNumberOf(kioskCode, ++sequence),
    serviceId: 'birth-registration',
    formId,
    formVersion,
    contentVersion: 3,
    privacyPolicyVersion: '1',
    userAgreementVersion: '1',
    language: 'ky',
    createdAt: '2026-03-01T09:30:00.000Z',
    sealedFormat: SEALED_FORMAT,
    sealedKeyId: portalKey.keyId,
    sealed: await sealForPortal(new TextEncoder().encode(JSON.stringify(document)), id, formId, formVersion),
    ...overrides,
  };
}

export const validHeartbeat: Heartbeat = {
  appVersion: '1.4.0',
  contentVersion: 3,
  queueDepth: 2,
  oldestQueuedAgeSeconds: 41.5,
  quarantined: 0,
  lastSyncAt: '2026-03-01T09:00:00.000Z',
  printerState: 'ready',
};
