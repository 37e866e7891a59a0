import { describe, expect, it, vi } from 'vitest';
import { ApplicationStatusService } from '../../src/portal/applications/application-status-service.js';
import { readStatusReasons } from '../../src/portal/applications/status-reasons.js';
import { portalAuditEntryAfter } from '../../src/portal/audit/portal-audit-entry.js';
import { logPortalAuditHeads } from '../../src/portal/audit/portal-audit-head.js';
import { verifyPortalAudit, type PortalAuditCheck } from '../../src/portal/audit/portal-audit-verify.js';
import { PORTAL_AUDIT_COLUMNS, portalAuditValues } from '../../src/portal/storage/portal-audit-store.js';
import { auditChain } from '../../src/shared/audit/audit-chain.js';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { runAdmin } from '../../src/portal/admin.js';
import { makeSubmission, runSql, STORE_KINDS, useStorage, type Storage } from './support.js';

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

  /** The append-only triggers of portal migration 0008, as each store names them. */
  const GUARDS =
    kind === 'sqlite'
      ? ['portal_audit_no_update', 'portal_audit_no_delete', 'portal_audit_append_at_end']
      : ['portal_audit_no_update', 'portal_audit_no_delete', 'portal_audit_no_truncate'];
  const dropGuards = GUARDS.map((name) => (kind === 'sqlite' ? `DROP TRIGGER ${name};` : `DROP TRIGGER ${name} ON portal_audit;`)).join('\n');


  /** Edits the stored trail as someone with the database's password would: drops the triggers first. */
  const tamper = (target: Storage, sql: string) => runSql(target, `${dropGuards}\n${sql}`);

  const verify = async (target: Storage, check: PortalAuditCheck = {}) => {
    const store = await target.open();
    await store.migrate();
    return verifyPortalAudit(store.portalAudit, check);
  };

  /** The trail's newest entry as the portal's log named it: what an operator keeps. */
  const newestHead = async (target: Storage) => {
    const entry = (await (await target.open()).portalAudit.entries(4, 1))[0]!;
    return { seq: entry.seq, entryHash: entry.entryHash };
  };

  /** An entry after `after`, hashed as the portal hashes, as an SQL values list. */
  const forgedValues = (after: { seq: number; entryHash: string }, subject: string) =>
    portalAuditValues(
      portalAuditEntryAfter(after, { kind: 'status_changed', actor: 'user:9', subject, details: { from: 'in-review', to: 'issued' } }, new Date('2026-12-01T09:00:09.000Z')),
    )
      .map((value) => (typeof value === 'number' ? String(value) : `'${String(value)}'`))
      .join(', ');

  it('verifies whole, with the hashes a kiosk’s own chain makes', async () => {
    const target = await trail();
    expect(await verify(target)).toMatchObject({ ok: true, entries: 5, head: { seq: 5 } });
    const store = await target.open();
    const entries = await store.portalAudit.entries(0, 10);
    expect(kioskChain.verifyChain(entries)).toMatchObject({ ok: true, entries: 5 });
    expect(entries.map((entry) => entry.kind)).toEqual(['status_changed', 'application_opened', 'status_changed', 'status_changed', 'status_changed']);
  });

  it('refuses an UPDATE and a DELETE of an entry, even from a connection with the portal’s own rights', async () => {
    const target = await trail();
    await expect(runSql(target, "UPDATE portal_audit SET actor = 'user:3' WHERE seq = 2")).rejects.toThrow(/portal_audit is append-only/);
    await expect(runSql(target, 'DELETE FROM portal_audit WHERE seq = 5')).rejects.toThrow(/portal_audit is append-only/);
    // The other ways to cut or replace rows: SQLite's INSERT OR REPLACE, PostgreSQL's TRUNCATE.
    const wipe = kind === 'sqlite' ? `INSERT OR REPLACE INTO portal_audit SELECT * FROM portal_audit WHERE seq = 5` : 'TRUNCATE portal_audit';
    await expect(runSql(target, wipe)).rejects.toThrow(/portal_audit is append-only/);
    expect(await verify(target)).toMatchObject({ ok: true, entries: 5, head: { seq: 5 }, missingGuards: [] });
  });

  it('says which append-only trigger was dropped (or, in PostgreSQL, disabled) even when the chain still verifies, and portal-admin fails on it', async () => {
    const target = await trail();
    await runSql(target, kind === 'sqlite' ? 'DROP TRIGGER portal_audit_no_delete' : 'DROP TRIGGER portal_audit_no_delete ON portal_audit');
    // A disabled trigger stays in the catalogue and refuses nothing.
    if (kind === 'postgresql') await runSql(target, 'ALTER TABLE portal_audit DISABLE TRIGGER portal_audit_no_update');
    const missing = kind === 'sqlite' ? ['portal_audit_no_delete'] : ['portal_audit_no_update', 'portal_audit_no_delete'];
    expect(await verify(target)).toMatchObject({ ok: true, entries: 5, missingGuards: missing });
    const out: string[] = [];
    const io = { env: { DATABASE_URL: target.options.databaseUrl }, out: (line: string) => out.push(line), note: () => undefined };
    expect(await runAdmin(['verify-portal-audit', '--data', dirname(target.options.sqliteFile)], io)).toBe(1);
    expect(out[0]).toBe(`UNGUARDED portal trail: the append-only triggers ${missing.join(', ')} are missing`);
    expect(out[1]).toMatch(/^OK portal trail: 5 entries, head seq 5 [0-9a-f]{64}$/);
  });

  it('names an edited entry', async () => {
    const target = await trail();
    await tamper(target, `UPDATE portal_audit SET details = replace(details, 'registry-mismatch', 'duplicate-application') WHERE seq = 5`);
    expect(await verify(target)).toEqual({ ok: false, brokenAt: 5, reason: 'CONTENT_EDITED', missingGuards: GUARDS });
  });

  it('names the entry after a deleted one', async () => {
    const target = await trail();
    await tamper(target, 'DELETE FROM portal_audit WHERE seq = 2');
    expect(await verify(target)).toEqual({ ok: false, brokenAt: 3, reason: 'LINK_BROKEN', missingGuards: GUARDS });
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
    expect(await verify(target)).toEqual({ ok: false, brokenAt: 4, reason: 'LINK_BROKEN', missingGuards: GUARDS });
  });

  it('finds the newest entries deleted when given the head the log kept, which the chain alone cannot', async () => {
    const target = await trail();
    const head = await newestHead(target);
    await tamper(target, 'DELETE FROM portal_audit WHERE seq >= 4');
    expect(await verify(target)).toMatchObject({ ok: true, entries: 3 });
    expect(await verify(target, { expectHead: head })).toEqual({ ok: false, brokenAt: 4, reason: 'TRUNCATED', missingGuards: GUARDS });
  });

  it('finds every entry deleted when given the head the log kept', async () => {
    const target = await trail();
    const head = await newestHead(target);
    await tamper(target, 'DELETE FROM portal_audit');
    expect(await verify(target, { expectHead: head })).toEqual({ ok: false, brokenAt: 1, reason: 'TRUNCATED', missingGuards: GUARDS });
  });

  it('finds the newest entry replaced by one hashed correctly when given the head the log kept', async () => {
    const target = await trail();
    const head = await newestHead(target);
    const fourth = (await (await target.open()).portalAudit.entries(3, 1))[0]!;
    await tamper(
      target,
      `DELETE FROM portal_audit WHERE seq = 5;
       INSERT INTO portal_audit (${PORTAL_AUDIT_COLUMNS.join(', ')}) VALUES (${forgedValues(fourth, fourth.subject!)});`,
    );
    expect(await verify(target)).toMatchObject({ ok: true, entries: 5 });
    expect(await verify(target, { expectHead: head })).toEqual({ ok: false, brokenAt: 5, reason: 'ANCHOR_MISMATCH', missingGuards: GUARDS });
  });

  it('verifies a whole trail against the head the log kept, or an earlier one', async () => {
    const target = await trail();
    const head = await newestHead(target);
    const second = (await (await target.open()).portalAudit.entries(1, 1))[0]!;
    expect(await verify(target, { expectHead: head })).toEqual({ ok: true, entries: 5, head, missingGuards: [] });
    expect(await verify(target, { expectHead: { seq: 2, entryHash: second.entryHash } })).toMatchObject({ ok: true, entries: 5 });
  });

  it('writes the new head to the portal’s log at each append, and the last one logged verifies the trail', async () => {
    const target = await storage();
    const store = await target.open();
    await store.migrate();
    const logged: { event: string; fields?: Record<string, string | number> }[] = [];
    logPortalAuditHeads(store.portalAudit, (event, fields) => logged.push({ event, fields }));
    const request = await makeSubmission('BSK1');
    await store.acceptSubmission('BSK1', request, 'hash', new Date());
    const service = new ApplicationStatusService({ store: store.applications, reasons, now: () => new Date(), log: () => undefined });
    await service.changeStatus({ userId: 1 }, request.receiptNumber, 'in-review', null);
    await store.applications.record({ kind: 'application_opened', actor: 'user:1', subject: request.receiptNumber, details: { language: 'ky' } }, new Date());
    await service.changeStatus({ userId: 1 }, request.receiptNumber, 'ready-for-pickup', null);
    await vi.waitFor(() => expect(logged).toHaveLength(3));
    const entries = await store.portalAudit.entries(0, 10);
    expect(logged).toEqual(
      entries.map((entry) => ({
        event: 'portal_audit_head',
        fields: { seq: entry.seq, entryHash: entry.entryHash, head: `${entry.seq}:${entry.entryHash}` },
      })),
    );
    // The head names a place in the chain, nothing of the visitor or the application.
    expect(JSON.stringify(logged)).not.toContain(request.receiptNumber);
    await store.close();
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
    expect(await verifyByAdmin()).toEqual({
      code: 1,
      out: [`UNGUARDED portal trail: the append-only triggers ${GUARDS.join(', ')} are missing`, 'BROKEN portal trail: the chain breaks at seq 2 (CONTENT_EDITED)'],
    });
  });

  it('portal-admin verify-portal-audit --expect-head names a trail cut short, and refuses a head it cannot read', async () => {
    const target = await trail();
    const verifyByAdmin = async (...extra: string[]) => {
      const out: string[] = [];
      const io = { env: { DATABASE_URL: target.options.databaseUrl }, out: (line: string) => out.push(line), note: () => undefined };
      const code = await runAdmin(['verify-portal-audit', ...extra, '--data', dirname(target.options.sqliteFile)], io);
      return { code, out };
    };
    const head = await newestHead(target);
    expect(await verifyByAdmin('--expect-head', `${head.seq}:${head.entryHash}`)).toEqual({
      code: 0,
      out: [`OK portal trail: 5 entries, head seq 5 ${head.entryHash}`],
    });
    await tamper(target, 'DELETE FROM portal_audit WHERE seq = 5');
    expect(await verifyByAdmin('--expect-head', `${head.seq}:${head.entryHash}`)).toEqual({
      code: 1,
      out: [`UNGUARDED portal trail: the append-only triggers ${GUARDS.join(', ')} are missing`, 'BROKEN portal trail: the chain breaks at seq 5 (TRUNCATED)'],
    });
    await expect(verifyByAdmin('--expect-head', `5-${head.entryHash}`)).rejects.toThrow(/--expect-head is <seq>:<entryHash>/);
    await expect(verifyByAdmin('--expect-head', `5:${head.entryHash.slice(1)}`)).rejects.toThrow(/--expect-head/);
  });
});
