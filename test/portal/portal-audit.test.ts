import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ApplicationStatusService } from '../../src/portal/applications/application-status-service.js';
import { readStatusReasons } from '../../src/portal/applications/status-reasons.js';
import { portalAuditEntryAfter } from '../../src/portal/audit/portal-audit-entry.js';
import { verifyPortalAudit } from '../../src/portal/audit/portal-audit-verify.js';
import { PORTAL_AUDIT_COLUMNS, portalAuditValues } from '../../src/portal/storage/portal-audit-store.js';
import { auditChain } from '../../src/shared/audit/audit-chain.js';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { runAdmin } from '../../src/portal/admin.js';
import { makeSubmission, STORE_KINDS, useStorage, type Storage } from './support.js';

const reasons = readStatusReasons('resources/portal/status-reasons.json');
/** The kiosk's chain over its own SHA-256 binding: the portal's entries must verify with the very same hashes. */
const kioskChain = auditChain((text) => createHash('sha256').update(text, 'utf8').digest('hex'));

describe.each(STORE_KINDS)('the portal’s own audit trail (%s)', (kind) => {
  const { storage } = useStorage(kind);

  /** Four status changes of one application and one opening recorded: five entries. */
  async function trail(): Promise<Storage> {
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    const request = await makeSubmission('BSK1');
    await store.acceptSubmission('BSK1', request, 'hash', new Date());
    let clock = Date.parse('2026-12-01T09:00:00.000Z');
    const service = new ApplicationStatusService({ store: store.applications, reasons, now: () => new Date((clock += 1000)), log: () => undefined });
    await service.changeStatus({ userId: 1 }, request.receiptNumber, 'in-review', null);
    await store.applications.record({ kind: 'application_opened', actor: 'user:1', subject: request.receiptNumber, details: { language: 'ru' } }, new Date(clock));
    await service.changeStatus({ userId: 1 }, request.receiptNumber, 'needs-action', 'photo-rules');
    await service.changeStatus({ userId: 2 }, request.receiptNumber, 'in-review', null);
    await service.changeStatus({ userId: 2 }, request.receiptNumber, 'rejected', 'registry-mismatch');
    await store.close();
    return target;
  }

  /** Runs SQL on the stored trail as someone with the database's password would. */
  async function tamper(target: Storage, sql: string): Promise<void> {
    if (kind === 'sqlite') {
      const db = new Database(target.options.sqliteFile);
      db.exec(sql);
      db.close();
      return;
    }
    const client = new pg.Client({ connectionString: target.options.databaseUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  }

  const verify = async (target: Storage) => {
    const store = await target.open();
    await store.migrate();
    return verifyPortalAudit(store.portalAudit);
  };

  it('verifies whole, with the hashes a kiosk’s own chain makes', async () => {
    const target = await trail();
    expect(await verify(target)).toMatchObject({ ok: true, entries: 5, head: { seq: 5 } });
    const store = await target.open();
    const entries = await store.portalAudit.entries(0, 10);
    expect(kioskChain.verifyChain(entries)).toMatchObject({ ok: true, entries: 5 });
    expect(entries.map((entry) => entry.kind)).toEqual(['status_changed', 'application_opened', 'status_changed', 'status_changed', 'status_changed']);
  });

  it('names an edited entry', async () => {
    const target = await trail();
    await tamper(target, `UPDATE portal_audit SET details = replace(details, 'registry-mismatch', 'duplicate-application') WHERE seq = 5`);
    expect(await verify(target)).toEqual({ ok: false, brokenAt: 5, reason: 'CONTENT_EDITED' });
  });

  it('names the entry after a deleted one', async () => {
    const target = await trail();
    await tamper(target, 'DELETE FROM portal_audit WHERE seq = 2');
    expect(await verify(target)).toEqual({ ok: false, brokenAt: 3, reason: 'LINK_BROKEN' });
  });

  it('names the entry after an inserted one, even one hashed correctly', async () => {
    const target = await trail();
    const store = await target.open();
    const second = (await store.portalAudit.entries(1, 1))[0]!;
    const forged = portalAuditEntryAfter(
      { seq: second.seq, entryHash: second.entryHash },
      { kind: 'application_opened', actor: 'user:9', subject: second.subject!, details: { language: 'en' } },
      new Date('2026-12-01T09:00:02.500Z'),
    );
    const values = portalAuditValues(forged).map((value) => (typeof value === 'number' ? String(value) : `'${String(value)}'`));
    // Made room for at seq 3 by moving the later entries up one.
    await tamper(
      target,
      `UPDATE portal_audit SET seq = seq + 100 WHERE seq >= 3;
       UPDATE portal_audit SET seq = seq - 99 WHERE seq >= 103;
       INSERT INTO portal_audit (${PORTAL_AUDIT_COLUMNS.join(', ')}) VALUES (${values.join(', ')});`,
    );
    expect(await verify(target)).toEqual({ ok: false, brokenAt: 4, reason: 'LINK_BROKEN' });
  });

  it('portal-admin verify-portal-audit prints OK with the head, or the first broken seq and why', async () => {
    const target = await trail();
    const verifyByAdmin = async () => {
      const out: string[] = [];
      const io = { env: { DATABASE_URL: target.options.databaseUrl }, out: (line: string) => out.push(line), note: () => undefined };
      const code = await runAdmin(['verify-portal-audit', '--data', dirname(target.options.sqliteFile)], io);
      return { code, out };
    };
    const head = (await (await target.open()).portalAudit.entries(4, 1))[0]!;
    expect(await verifyByAdmin()).toEqual({ code: 0, out: [`OK portal trail: 5 entries, head seq 5 ${head.entryHash}`] });
    await tamper(target, "UPDATE portal_audit SET actor = 'user:3' WHERE seq = 2");
    expect(await verifyByAdmin()).toEqual({ code: 1, out: ['BROKEN portal trail: the chain breaks at seq 2 (CONTENT_EDITED)'] });
  });
});
