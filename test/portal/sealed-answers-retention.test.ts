import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEALED_ANSWERS_RETENTION_DAYS, SealedAnswersRetention, sealedAnswersRetentionDays } from '../../src/portal/applications/sealed-answers-retention.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import type { ApplicationStatusName } from '../../src/shared/domain/submission.js';
import { makeSubmission, STORE_KINDS, useStorage } from './support.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY);

const WAYS: Record<'issued' | 'rejected' | 'in-review', { to: ApplicationStatusName; reasonId: string | null }[]> = {
  issued: [
    { to: 'in-review', reasonId: null },
    { to: 'ready-for-pickup', reasonId: null },
    { to: 'issued', reasonId: null },
  ],
  rejected: [
    { to: 'in-review', reasonId: null },
    { to: 'rejected', reasonId: 'duplicate-application' },
  ],
  'in-review': [{ to: 'in-review', reasonId: null }],
};

/** An application delivered and moved to `status`, its last move `finishedDaysAgo` days before NOW. */
async function applicationAt(
  store: PortalStore,
  status: keyof typeof WAYS,
  finishedDaysAgo: number,
  document: unknown = { answers: { lastName: 'Асанова' } },
): Promise<{ id: string; receipt: string; sealed: Buffer }> {
  const request = await makeSubmission('BSK1', {}, document);
  await store.acceptSubmission('BSK1', request, 'hash', daysBefore(finishedDaysAgo + 10));
  let from: ApplicationStatusName = 'received';
  for (const { to, reasonId } of WAYS[status]) {
    const at = daysBefore(finishedDaysAgo);
    const audit = { kind: 'status_changed' as const, actor: 'user:1', subject: request.receiptNumber, details: { from, to, reason: reasonId } };
    expect(await store.applications.changeStatus({ submissionId: request.id, at, by: 1, from, to, reasonId }, audit)).toBe('changed');
    from = to;
  }
  return { id: request.id, receipt: request.receiptNumber, sealed: Buffer.from(request.sealed, 'base64') };
}

const retentionOf = (store: PortalStore, batchSize?: number) =>
  new SealedAnswersRetention({ store: store.applications, retentionDays: 90, now: () => NOW, log: () => undefined, ...(batchSize ? { batchSize } : {}) });

describe('PORTAL_SEALED_ANSWERS_RETENTION_DAYS', () => {
  it('is 90 days unless set, and a setting that is not a whole number of days from 1 to 3650 stops the start', () => {
    expect(sealedAnswersRetentionDays(undefined)).toBe(DEFAULT_SEALED_ANSWERS_RETENTION_DAYS);
    expect(DEFAULT_SEALED_ANSWERS_RETENTION_DAYS).toBe(90);
    expect(sealedAnswersRetentionDays(' 30 ')).toBe(30);
    for (const wrong of ['0', '-5', '1.5', '90d', 'ninety', '3651', '1e3']) expect(() => sealedAnswersRetentionDays(wrong), wrong).toThrow(/PORTAL_SEALED_ANSWERS_RETENTION_DAYS/);
  });
});

describe.each(STORE_KINDS)('the retention of sealed answers (%s)', (kind) => {
  const { storage } = useStorage(kind);

  async function setUp(): Promise<{ store: PortalStore; file: string | undefined }> {
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    return { store, file: kind === 'sqlite' ? target.options.sqliteFile : undefined };
  }

  it('empties the answers of applications issued or rejected more than 90 days ago, keeps everything else, and audits the run once with the count', async () => {
    const { store } = await setUp();
    const issuedLongAgo = await applicationAt(store, 'issued', 91);
    const rejectedLongAgo = await applicationAt(store, 'rejected', 200);
    const issuedRecently = await applicationAt(store, 'issued', 89);
    const stillInReview = await applicationAt(store, 'in-review', 400);
    const trailBefore = (await store.portalAudit.entries(0, 1000)).length;

    expect(await retentionOf(store).runOnce()).toBe(2);

    for (const gone of [issuedLongAgo, rejectedLongAgo]) {
      const row = await store.submission(gone.id);
      expect(row?.sealed.byteLength, 'the sealed answers are gone').toBe(0);
      expect(row?.sealedPurgedAt).toBe(NOW.toISOString());
      // The metadata and the status history stay: receipt, service, times, the moves.
      expect(row).toMatchObject({ receiptNumber: gone.receipt, serviceId: 'birth-registration', createdAt: '2026-03-01T09:30:00.000Z' });
      expect((await store.applications.history(gone.id)).length).toBeGreaterThanOrEqual(2);
      expect((await store.applications.current(gone.receipt))?.status).toMatch(/issued|rejected/);
    }
    for (const kept of [issuedRecently, stillInReview]) {
      const row = await store.submission(kept.id);
      expect(Buffer.from(row!.sealed)).toEqual(kept.sealed);
      expect(row?.sealedPurgedAt).toBeNull();
    }
    const trail = await store.portalAudit.entries(0, 1000);
    expect(trail).toHaveLength(trailBefore + 1);
    expect(trail.at(-1)).toMatchObject({
      kind: 'sealed_answers_purged',
      actor: 'portal:retention',
      at: NOW.toISOString(),
      details: { count: 2, retentionDays: 90, finishedBefore: daysBefore(90).toISOString() },
    });

    // Nothing more is due: a second run empties nothing and writes nothing.
    expect(await retentionOf(store).runOnce()).toBe(0);
    expect(await store.portalAudit.entries(0, 1000)).toHaveLength(trailBefore + 1);
  });

  it('works through more than one batch in a run and still writes one entry', async () => {
    const { store } = await setUp();
    for (let index = 0; index < 5; index++) await applicationAt(store, 'issued', 100 + index);
    expect(await retentionOf(store, 2).runOnce()).toBe(5);
    const purges = (await store.portalAudit.entries(0, 1000)).filter((entry) => entry.kind === 'sealed_answers_purged');
    expect(purges.map((entry) => entry.details)).toEqual([expect.objectContaining({ count: 5 })]);
  });

  if (kind === 'sqlite') {
    it('leaves the sealed bytes nowhere in the database file or its write-ahead log', async () => {
      const { store, file } = await setUp();
      // Answers longer than a page, as a form with an address and notes makes: the blob spills into overflow pages, which a purge frees.
      const due = await applicationAt(store, 'issued', 120, { answers: { lastName: 'Асанова', notes: 'Бишкек, Чүй проспекти '.repeat(600) } });
      const fileBytes = () => Buffer.concat([readFileSync(file!), existsSync(`${file!}-wal`) ? readFileSync(`${file!}-wal`) : Buffer.alloc(0)]);
      // A stretch of the ciphertext no other row shares.
      const markers = [0.3, 0.6, 0.95].map((at) => due.sealed.subarray(Math.floor(due.sealed.length * at), Math.floor(due.sealed.length * at) + 48));
      expect(markers.map((marker) => fileBytes().includes(marker)), 'the bytes are in the file before the purge').toEqual([true, true, true]);
      expect(await retentionOf(store).runOnce()).toBe(1);
      expect(markers.map((marker) => fileBytes().includes(marker)), 'the bytes are gone from the file after the purge').toEqual([false, false, false]);
    });
  }
});
