import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ApplicationStatusService } from '../../src/portal/applications/application-status-service.js';
import { readStatusReasons } from '../../src/portal/applications/status-reasons.js';
import { verifyPortalAudit } from '../../src/portal/audit/portal-audit-verify.js';
import { applicationListQuery, type ApplicationListFilter } from '../../src/portal/storage/application-status-store.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import { makeSubmission, STORE_KINDS, useStorage, type Storage } from './support.js';

const reasons = readStatusReasons('resources/portal/status-reasons.json');
const OFFICER = { userId: 7 };
const OTHER_OFFICER = { userId: 8 };

describe.each(STORE_KINDS)('application status workflow (%s)', (kind) => {
  const { storage } = useStorage(kind);
  let clock = new Date('2026-12-01T09:00:00.000Z');
  const tick = () => (clock = new Date(clock.getTime() + 60_000));

  async function setUp(): Promise<{ target: Storage; store: PortalStore; service: ApplicationStatusService; receipt: string; id: string }> {
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    const request = await makeSubmission('BSK1');
    await store.acceptSubmission('BSK1', request, 'hash', new Date('2026-12-01T08:00:00.000Z'));
    const service = new ApplicationStatusService({ store: store.applications, reasons, now: tick, log: () => undefined });
    return { target, store, service, receipt: request.receiptNumber, id: request.id };
  }

  it('moves an application through review, the visitor’s action and pickup to issued, keeping every change', async () => {
    const { store, service, receipt, id } = await setUp();
    expect(await service.changeStatus(OFFICER, receipt, 'in-review', null)).toMatchObject({ outcome: 'changed', status: 'in-review' });
    expect(await service.changeStatus(OFFICER, receipt, 'needs-action', 'fee-not-paid')).toMatchObject({ outcome: 'changed' });

    const lookup = await service.lookup(receipt);
    expect(lookup).toMatchObject({ receiptNumber: receipt, status: 'processing', state: 'needs-action', reason: { id: 'fee-not-paid' } });
    expect(lookup?.reason?.nextStep.ky).toContain('төлөп');

    await service.changeStatus(OTHER_OFFICER, receipt, 'in-review', null);
    await service.changeStatus(OTHER_OFFICER, receipt, 'ready-for-pickup', null);
    // Once it moves on, the visitor no longer reads the old reason.
    expect(await service.lookup(receipt)).toMatchObject({ status: 'ready', state: 'ready-for-pickup', reason: null });
    await service.changeStatus(OFFICER, receipt, 'issued', null);

    const history = await store.applications.history(id);
    expect(history.map((change) => [change.by, change.from, change.to, change.reasonId])).toEqual([
      [7, 'received', 'in-review', null],
      [7, 'in-review', 'needs-action', 'fee-not-paid'],
      [8, 'needs-action', 'in-review', null],
      [8, 'in-review', 'ready-for-pickup', null],
      [7, 'ready-for-pickup', 'issued', null],
    ]);
    expect(new Set(history.map((change) => change.at)).size).toBe(5);
    expect((await store.submission(id))?.status).toBe('issued');
    // An older kiosk's lookup reads the first column, kept in the four words it knows.
    expect(await store.applicationStatus(receipt)).toMatchObject({ status: 'ready' });

    const audit = await store.portalAudit.entries(0, 100);
    expect(audit.map((entry) => [entry.kind, entry.actor, entry.subject, entry.details])).toEqual([
      ['status_changed', 'user:7', receipt, { from: 'received', to: 'in-review', reason: null }],
      ['status_changed', 'user:7', receipt, { from: 'in-review', to: 'needs-action', reason: 'fee-not-paid' }],
      ['status_changed', 'user:8', receipt, { from: 'needs-action', to: 'in-review', reason: null }],
      ['status_changed', 'user:8', receipt, { from: 'in-review', to: 'ready-for-pickup', reason: null }],
      ['status_changed', 'user:7', receipt, { from: 'ready-for-pickup', to: 'issued', reason: null }],
    ]);
    expect(await verifyPortalAudit(store.portalAudit)).toMatchObject({ ok: true, entries: 5 });
  });

  it('refuses a move the workflow does not have, a missing or unknown reason, and a reason for another status, storing nothing', async () => {
    const { store, service, receipt, id } = await setUp();
    expect(await service.changeStatus(OFFICER, receipt, 'issued', null)).toEqual({ outcome: 'refused', refusal: 'MOVE_NOT_ALLOWED', from: 'received' });
    await service.changeStatus(OFFICER, receipt, 'in-review', null);
    expect(await service.changeStatus(OFFICER, receipt, 'rejected', null)).toMatchObject({ refusal: 'REASON_REQUIRED' });
    expect(await service.changeStatus(OFFICER, receipt, 'rejected', 'no-such-reason')).toMatchObject({ refusal: 'UNKNOWN_REASON' });
    // A duplicate is a reason to refuse, never something the visitor could fix.
    expect(await service.changeStatus(OFFICER, receipt, 'needs-action', 'duplicate-application')).toMatchObject({ refusal: 'REASON_NOT_FOR_STATUS' });
    expect(await service.changeStatus(OFFICER, 'BSK9-0000-00', 'in-review', null)).toEqual({ outcome: 'not-found' });
    expect(await store.applications.history(id)).toHaveLength(1);
    expect(await store.portalAudit.entries(0, 100)).toHaveLength(1);
    expect(await service.lookup(receipt)).toMatchObject({ state: 'in-review', reason: null });
  });

  it('stores nothing when another officer moved the application first', async () => {
    const { store, receipt, id } = await setUp();
    const at = new Date('2026-12-01T10:00:00.000Z');
    const audit = { kind: 'status_changed' as const, actor: 'user:7', subject: receipt, details: { from: 'received', to: 'in-review', reason: null } };
    const first = { submissionId: id, at, by: 7, from: 'received' as const, to: 'in-review' as const, reasonId: null };
    expect(await store.applications.changeStatus(first, audit)).toBe('changed');
    expect(await store.applications.changeStatus({ ...first, by: 8 }, { ...audit, actor: 'user:8' })).toBe('status-moved');
    expect(await store.applications.history(id)).toHaveLength(1);
    expect((await store.portalAudit.entries(0, 10)).map((entry) => entry.actor)).toEqual(['user:7']);
  });

  it('lists metadata newest first, a page after another, filtered by status, service and kiosk', async () => {
    const { store, service } = await setUp();
    const made: { receipt: string; id: string; createdAt: string }[] = [];
    for (let index = 0; index < 7; index++) {
      const kiosk = index % 2 === 0 ? 'BSK1' : 'BSK2';
      // Two share a creation time: the id orders them, so paging neither repeats nor skips one.
      const createdAt = `2026-12-02T0${Math.min(index, 5)}:00:00.000Z`;
      const request = await makeSubmission(kiosk, { createdAt, serviceId: index < 4 ? 'birth-registration' : 'passport' });
      await store.acceptSubmission(kiosk, request, 'hash', new Date());
      made.push({ receipt: request.receiptNumber, id: request.id, createdAt });
    }
    await service.changeStatus(OFFICER, made[1]!.receipt, 'in-review', null);
    await service.changeStatus(OFFICER, made[5]!.receipt, 'in-review', null);

    const seen: string[] = [];
    let after = null;
    for (;;) {
      const page = await store.applications.list({}, after, 3);
      if (page.length === 0) break;
      seen.push(...page.map((row) => row.receiptNumber));
      const last = page[page.length - 1]!;
      after = { createdAt: last.createdAt, id: last.id };
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const created = (await store.applications.list({}, null, 100)).map((row) => row.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    const inReview = await store.applications.list({ status: 'in-review' }, null, 100);
    expect(inReview.map((row) => row.receiptNumber).sort()).toEqual([made[1]!.receipt, made[5]!.receipt].sort());
    expect(inReview[0]).not.toHaveProperty('sealed');
    expect((await store.applications.list({ serviceId: 'passport', kioskCode: 'BSK1' }, null, 100)).map((row) => row.receiptNumber)).toEqual([
      made[6]!.receipt,
      made[4]!.receipt,
    ]);
  });

  it('pages by an index at 100,000 applications for every filter of the list, not by reading the table', async () => {
    const { target, store } = await setUp();
    // The list's own query, for the second page, with each filter the page offers (and none).
    const cursor = { createdAt: '2026-06-01T00:00:00.000Z', id: 'ffffffff-ffff-7fff-bfff-ffffffffffff' };
    const filters: { filter: ApplicationListFilter; index: string }[] = [
      { filter: {}, index: 'submission_by_created' },
      { filter: { status: 'in-review' }, index: 'submission_by_status' },
      { filter: { serviceId: 'passport' }, index: 'submission_by_service' },
      { filter: { kioskCode: 'BSK1' }, index: 'submission_by_kiosk' },
      { filter: { officeCode: 'BSK' }, index: 'submission_by_office' },
      { filter: { receiptNumber: 'BLK1-000001-00' }, index: 'receipt_number' },
    ];
    const query = (filter: ApplicationListFilter, placeholder: (index: number) => string) => applicationListQuery(filter, cursor, 26, placeholder);
    if (kind === 'sqlite') {
      await store.close();
      const db = new Database(target.options.sqliteFile);
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
        INSERT INTO submission SELECT printf('00000000-0000-7000-8000-%012d', i), printf('BLK%d-%06d-00', i % 10, i), printf('BS%s%d', char(65 + i % 20), i % 10),
          CASE i % 7 WHEN 0 THEN 'passport' ELSE printf('service-%d', i % 40) END, 'form', 1, 3, '1', '1', 'ky',
          printf('2026-%02d-01T00:00:00.000Z', 1 + i % 12), 'hpke', 'key', x'00', 'hash', '2026-01-01T00:00:00.000Z', 'received', '2026-01-01T00:00:00.000Z', NULL,
          CASE i % 3 WHEN 0 THEN 'in-review' ELSE 'received' END, NULL, NULL FROM n`);
      db.exec('ANALYZE');
      for (const { filter, index } of filters) {
        const { sql, values } = query(filter, () => '?');
        const plan = db
          .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...values)
          .map((row) => row.detail)
          .join('\n');
        expect(plan, JSON.stringify(filter)).toContain(index === 'receipt_number' ? 'USING INDEX sqlite_autoindex_submission_2' : `USING INDEX ${index}`);
        if (index !== 'receipt_number') expect(plan, JSON.stringify(filter)).not.toContain('TEMP B-TREE');
      }
      db.close();
    } else {
      const client = new pg.Client({ connectionString: target.options.databaseUrl });
      await client.connect();
      await client.query(`INSERT INTO submission (id, receipt_number, kiosk_code, service_id, form_id, form_version, content_version, privacy_policy_version,
          user_agreement_version, language, created_at, sealed_format, sealed_key_id, sealed, body_hash, accepted_at, status, status_updated_at, application_status)
        SELECT ('00000000-0000-7000-8000-' || lpad(i::text, 12, '0'))::uuid, 'BLK' || (i % 10) || '-' || lpad(i::text, 6, '0') || '-00', 'BS' || chr(65 + i % 20) || (i % 10),
          CASE i % 7 WHEN 0 THEN 'passport' ELSE 'service-' || (i % 40) END, 'form', 1, 3, '1', '1', 'ky',
          '2026-' || lpad((1 + i % 12)::text, 2, '0') || '-01T00:00:00.000Z', 'hpke', 'key', '\\x00', 'hash', now(), 'received', now(),
          CASE i % 3 WHEN 0 THEN 'in-review' ELSE 'received' END
        FROM generate_series(1, 100000) AS i`);
      await client.query('ANALYZE submission');
      for (const { filter, index } of filters) {
        const { sql, values } = query(filter, (position) => `$${position}`);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values);
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan, JSON.stringify(filter)).toMatch(index === 'receipt_number' ? /Index Scan using submission_receipt_number_key/ : new RegExp(`Index Scan Backward using ${index}\\b`));
        expect(plan, JSON.stringify(filter)).not.toMatch(/Seq Scan/);
        if (index !== 'receipt_number') expect(plan, JSON.stringify(filter)).not.toMatch(/Sort/);
      }
      await client.end();
    }
  });
});
