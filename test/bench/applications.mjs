// The officers' application list at 100,000 applications: pages of the list endpoint over real
// HTTP on 127.0.0.1, signed in as an officer, walked with the page size the back office uses,
// with no filter, by status and by office, on SQLite and on PostgreSQL.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { hashPassword } from '../../dist/portal/backoffice/password-hash.js';
import { SealedAnswersRetention } from '../../dist/portal/applications/sealed-answers-retention.js';
import { startPortal } from '../../dist/portal/server.js';
import { createPortalStore } from '../../dist/portal/storage/portal-store.js';
import { APPLICATION_PAGE_SIZE } from '../../dist/shared/contract/applications.js';
import { formatReceiptNumber } from '../../dist/shared/domain/receipt-number.js';

/** A receipt number whose 40 random bits are `value`: distinct and the same on every run. */
const receiptNumberOf = (kiosk, value) => formatReceiptNumber(kiosk, Uint8Array.from({ length: 5 }, (_, index) => Math.floor(value / 256 ** (4 - index)) % 256));
import { startPrivatePostgres } from '../portal/postgres-setup.ts';

const ROWS = 100_000;
const PAGES = 40;
const PASSWORD = 'bench officer passphrase';
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const OFFICES = [...'ABCDEFGHJKMNPQRSTVWX'].map((letter) => `BS${letter}`);
const COLUMNS = ['id', 'receipt_number', 'kiosk_code', 'service_id', 'form_id', 'form_version', 'content_version', 'privacy_policy_version', 'user_agreement_version',
  'language', 'created_at', 'sealed_format', 'sealed_key_id', 'sealed', 'body_hash', 'accepted_at', 'status', 'status_updated_at', 'application_status'];

/** The i-th of 100,000 applications over 12 months: 20 offices of 10 kiosks, 40 services, a third in review, 1,200 sealed bytes each. */
function row(i, sealed) {
  const kiosk = `${OFFICES[i % 20]}${Math.floor(i / 20) % 10}`;
  const createdAt = new Date(Date.UTC(2026, i % 12, 1 + (i % 28), i % 24, i % 60)).toISOString();
  return [`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, receiptNumberOf(kiosk, i + 1), kiosk, `service-${i % 40}`, 'form', 1, 3, '1', '1', 'ky',
    createdAt, 'hpke', 'key', sealed, 'hash', '2026-01-01T00:00:00.000Z', 'received', '2026-01-01T00:00:00.000Z', i % 3 === 0 ? 'in-review' : 'received'];
}

/** Inserts the rows in transactions of 5,000, as fast as each driver takes them. */
async function fill(kind, options) {
  const sealed = randomBytes(1200);
  if (kind === 'sqlite') {
    const db = new Database(options.sqliteFile, { timeout: 5000 });
    const insert = db.prepare(`INSERT INTO submission (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    const batch = db.transaction((from) => {
      for (let i = from; i < Math.min(from + 5000, ROWS); i++) insert.run(...row(i, sealed));
    });
    for (let from = 0; from < ROWS; from += 5000) batch(from);
    db.exec('ANALYZE');
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    for (let from = 0; from < ROWS; from += 5000) {
      const rows = [];
      for (let i = from; i < Math.min(from + 5000, ROWS); i++) rows.push(row(i, sealed));
      const columns = COLUMNS.map((_, index) => rows.map((values) => values[index]));
      const types = ['uuid', 'text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'bytea', 'text', 'timestamptz', 'text', 'timestamptz', 'text'];
      await client.query(
        `INSERT INTO submission (${COLUMNS.join(', ')}) SELECT * FROM unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})`,
        columns,
      );
    }
    await client.query('ANALYZE submission');
  } finally {
    await client.end();
  }
}

async function walk(portal, signedIn, filter) {
  const latencies = [];
  let after = null;
  for (let page = 0; page < PAGES; page++) {
    const begin = performance.now();
    const response = await fetch(`${portal.url}/backoffice/api/applications/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken, origin: portal.url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ ...filter, limit: APPLICATION_PAGE_SIZE, ...(after ? { after } : {}) }),
    });
    const body = await response.json();
    latencies.push(performance.now() - begin);
    if (response.status !== 200 || body.applications.length !== APPLICATION_PAGE_SIZE) throw new Error(`the list answered ${response.status} with ${body.applications?.length} rows`);
    after = body.next;
  }
  return latencies;
}

async function benchStore(report, kind, options) {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-applications-'));
  const storeOptions = { sqliteFile: join(work, 'portal.sqlite'), databaseUrl: options.databaseUrl };
  const store = await createPortalStore(storeOptions);
  let portal;
  try {
    await store.migrate();
    const fillStart = performance.now();
    await fill(kind, storeOptions);
    report(`backoffice_applications_100k_fill_${kind}_ms`, [performance.now() - fillStart], 'ms', 1);
    await store.backOfficeAccounts.createAccount({ username: 'bench.officer', role: 'officer', passwordHash: await hashPassword(PASSWORD), createdAt: new Date().toISOString() });
    portal = await startPortal({ dataFolder: join(work, 'portal'), adminToken: 'bench-admin-token-0123', trustAnchors: [], store, log: () => undefined });
    const signIn = await fetch(`${portal.url}/backoffice/api/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: portal.url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ username: 'bench.officer', password: PASSWORD }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
    const signedIn = { cookie: signIn.headers.get('set-cookie').split(';')[0], csrfToken: (await signIn.json()).csrfToken };
    await walk(portal, signedIn, {}); // warm-up: the first pages read the index from disk
    for (const [label, filter] of [
      ['all', {}],
      ['by_status', { status: 'in-review' }],
      ['by_office', { officeCode: 'BSK' }],
      ['by_service', { serviceId: 'service-7' }],
    ]) {
      const latencies = await walk(portal, signedIn, filter);
      report(`backoffice_applications_100k_page_${label}_${kind}_p50_ms`, [percentile(latencies, 50)], 'ms', latencies.length);
      report(`backoffice_applications_100k_page_${label}_${kind}_p95_ms`, [percentile(latencies, 95)], 'ms', latencies.length);
    }
    await benchPurge(report, kind, store, storeOptions);
  } finally {
    await portal?.close();
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const PURGED = 20_000;
const PURGE_BATCH = 500;

/**
 * The retention job on the same 100,000: 20,000 of them issued 100 days ago, emptied in batches of
 * 500 (each its own transaction; on SQLite each also folds the write-ahead log). Per batch is what
 * holds the portal's other writes back.
 */
async function benchPurge(report, kind, store, options) {
  const mark = `UPDATE submission SET application_status = 'issued', status_updated_at = '2026-08-01T00:00:00.000Z' WHERE id IN (SELECT id FROM submission ORDER BY id LIMIT ${PURGED})`;
  if (kind === 'sqlite') {
    const db = new Database(options.sqliteFile, { timeout: 5000 });
    db.exec(mark);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    await client.query(mark);
    await client.end();
  }
  const retention = new SealedAnswersRetention({ store: store.applications, retentionDays: 90, now: () => new Date('2026-12-01T00:00:00.000Z'), log: () => undefined, batchSize: PURGE_BATCH });
  const begin = performance.now();
  const purged = await retention.runOnce();
  const ms = performance.now() - begin;
  if (purged !== PURGED) throw new Error(`the retention emptied ${purged} of ${PURGED}`);
  report(`sealed_answers_purge_${kind}_rate`, [purged / (ms / 1000)], 'applications/s', purged);
  report(`sealed_answers_purge_batch_${kind}_mean_ms`, [ms / (PURGED / PURGE_BATCH)], 'ms', PURGED / PURGE_BATCH);
}

/** The list's pages at 100,000 applications on both stores (PostgreSQL a private durable server). */
export async function benchApplications(report) {
  await benchStore(report, 'sqlite', {});
  const postgres = await startPrivatePostgres(true);
  try {
    await benchStore(report, 'postgresql', { databaseUrl: postgres.url });
  } finally {
    postgres.stop();
  }
}
