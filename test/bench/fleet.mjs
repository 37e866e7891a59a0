// The back office's fleet at scale: a thousand kiosks with a hundred heartbeats each (some never
// reported, some revoked), the fleet search's latency over HTTP on 127.0.0.1, and the time from
// opening the fleet page in Chromium to its thousand-row table painted.
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../dist/portal/backoffice/password-hash.js';
import { startPortal } from '../../dist/portal/server.js';
import { createPortalStore } from '../../dist/portal/storage/portal-store.js';
import { RECEIPT_ALPHABET } from '../../dist/shared/domain/receipt-number.js';
import { startPrivatePostgres } from '../portal/postgres-setup.ts';

const KIOSKS = 1000;
const HEARTBEATS_PER_KIOSK = 100;
const NEVER_REPORTED = 30;
const REVOKED = 50;
const REQUESTS = 60;
const PAGE_RUNS = 9;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PASSWORD = 'bench administrator password';

const sorted = (values) => [...values].sort((a, b) => a - b);
const percentile = (values, share) => sorted(values)[Math.min(values.length - 1, Math.ceil(share * values.length) - 1)];
const defaultReport = (name, values, unit, n = values.length) => console.log(JSON.stringify({ name, value: Number(percentile(values, 0.5).toFixed(2)), unit, n }));

/** 125 offices of 8 kiosks: BAA1 … */
function kioskCodes() {
  const codes = [];
  for (let index = 0; codes.length < KIOSKS; index++) {
    const office = `B${RECEIPT_ALPHABET[Math.floor(index / 8 / 32) % 32]}${RECEIPT_ALPHABET[Math.floor(index / 8) % 32]}`;
    codes.push(`${office}${RECEIPT_ALPHABET[1 + (index % 8)]}`);
  }
  return codes;
}

/** The rows straight into the SQLite file in one transaction: a hundred thousand heartbeats through HTTP would bench the seeding. */
function seedSqlite(file, codes, now) {
  const db = new Database(file);
  const credential = db.prepare('INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at, revoked_at) VALUES (?, ?, ?, ?)');
  const heartbeat = db.prepare(
    `INSERT INTO heartbeat (kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds, quarantined, last_sync_at, printer_state, screen_failures, unavailable_services)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    const issuedAt = new Date(now - 90 * 86_400_000).toISOString();
    codes.forEach((code, index) => {
      credential.run(randomBytes(32).toString('hex'), code, issuedAt, index < REVOKED ? new Date(now - 86_400_000).toISOString() : null);
    });
    // Heartbeats arrive interleaved, a minute apart per kiosk, as a live fleet sends them.
    const reporting = codes.slice(NEVER_REPORTED);
    for (let beat = 0; beat < HEARTBEATS_PER_KIOSK; beat++) {
      const at = new Date(now - (HEARTBEATS_PER_KIOSK - beat) * 60_000).toISOString();
      reporting.forEach((code, index) => {
        heartbeat.run(code, at, '1.4.0', 3, index % 7, index % 7 ? 30 : null, index % 50 === 0 ? 1 : 0, at, index % 40 === 0 ? 'error' : 'ready', 0, 0);
      });
    }
  })();
  db.close();
}

/** The same fleet in PostgreSQL, in three statements. */
async function seedPostgres(databaseUrl, codes, now) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at, revoked_at)
       SELECT md5(random()::text) || k.code, k.code, $2::timestamptz - interval '90 days', CASE WHEN k.i <= $3 THEN $2::timestamptz - interval '1 day' END
       FROM unnest($1::text[]) WITH ORDINALITY AS k(code, i)`,
      [codes, new Date(now), REVOKED],
    );
    await client.query(
      `INSERT INTO heartbeat (kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds, quarantined, last_sync_at, printer_state, screen_failures, unavailable_services)
       SELECT k.code, $2::timestamptz - ($3 - b) * interval '1 minute', '1.4.0', 3, k.i % 7, CASE WHEN k.i % 7 > 0 THEN 30 END, CASE WHEN k.i % 50 = 0 THEN 1 ELSE 0 END,
              NULL, CASE WHEN k.i % 40 = 0 THEN 'error' ELSE 'ready' END, 0, 0
       FROM generate_series(0, $3 - 1) AS b, unnest($1::text[]) WITH ORDINALITY AS k(code, i)
       ORDER BY b, k.i`,
      [codes.slice(NEVER_REPORTED), new Date(now), HEARTBEATS_PER_KIOSK],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function signIn(url) {
  const response = await fetch(`${url}/backoffice/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`bench sign-in answered ${response.status}`);
  const cookie = response.headers.getSetCookie()[0].split(';')[0];
  return { cookie, csrfToken: (await response.json()).csrfToken };
}

async function searchLatencies(url, session, search) {
  const timings = [];
  for (let run = 0; run < REQUESTS; run++) {
    const begin = performance.now();
    const response = await fetch(`${url}/backoffice/api/fleet/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(search),
    });
    const body = await response.json();
    timings.push(performance.now() - begin);
    if (response.status !== 200 || body.total !== KIOSKS) throw new Error(`the fleet search answered ${response.status} with ${body.total} kiosks`);
  }
  return timings;
}

/** Opening the page (the fleet is an administrator's first section) until the frame with its last row is painted, in the page's own clock. */
async function pagePaintTimings(portal) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const timings = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(portal.backOfficeUrl);
    await page.locator('#username').fill('bench');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#password').press('Enter');
    await page.locator('[data-testid="fleet-table"] tbody tr').nth(KIOSKS - 1).waitFor();
    for (let run = 0; run < PAGE_RUNS; run++) {
      await page.goto(portal.backOfficeUrl);
      await page.locator('[data-testid="fleet-table"] tbody tr').nth(KIOSKS - 1).waitFor();
      timings.push(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))));
    }
  } finally {
    await browser.close();
  }
  return timings;
}

/** A migrated store with the bench administrator, seeded with the fleet. */
async function seededStore(kind, work, now) {
  const codes = kioskCodes();
  if (kind === 'sqlite') {
    const sqliteFile = join(work, 'portal.sqlite');
    await prepareStore({ sqliteFile });
    seedSqlite(sqliteFile, codes, now);
    return { codes, options: { sqliteFile }, stop: () => undefined };
  }
  const postgres = await startPrivatePostgres(true);
  await prepareStore({ databaseUrl: postgres.url, sqliteFile: '/nonexistent/unused.sqlite' });
  await seedPostgres(postgres.url, codes, now);
  return { codes, options: { databaseUrl: postgres.url }, stop: () => postgres.stop() };
}

async function prepareStore(options) {
  const store = await createPortalStore(options);
  await store.migrate();
  await store.backOfficeAccounts.createAccount({ username: 'bench', role: 'administrator', passwordHash: await hashPassword(PASSWORD), createdAt: new Date().toISOString() });
  await store.close();
}

/** The fleet search on SQLite and PostgreSQL (p50, p95; the office-and-alarm filter's p95), and on SQLite the page painted with 1,000 rows. */
export async function benchFleet(report = defaultReport) {
  for (const kind of ['sqlite', 'postgresql']) {
    const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-fleet-'));
    const seeded = await seededStore(kind, work, Date.now());
    const portal = await startPortal({ dataFolder: work, ...seeded.options, adminToken: 'bench-admin-token-0123', trustAnchors: [], log: () => undefined });
    const suffix = kind === 'sqlite' ? '' : '_postgresql';
    try {
      const session = await signIn(portal.url);
      const all = await searchLatencies(portal.url, session, {});
      report(`backoffice_fleet_1000_kiosks${suffix}_p50_ms`, [percentile(all, 0.5)], 'ms', all.length);
      report(`backoffice_fleet_1000_kiosks${suffix}_p95_ms`, [percentile(all, 0.95)], 'ms', all.length);
      const office = await searchLatencies(portal.url, session, { officeCode: seeded.codes[500].slice(0, 3), alarm: 'any' });
      report(`backoffice_fleet_1000_kiosks_filtered${suffix}_p95_ms`, [percentile(office, 0.95)], 'ms', office.length);
      if (kind === 'sqlite') report('backoffice_fleet_page_1000_rows_painted_ms', await pagePaintTimings(portal), 'ms');
    } finally {
      await portal.close();
      seeded.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }
}
