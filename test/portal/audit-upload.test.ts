import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/portal/admin.js';
import { auditChainRefusalSchema, auditUploadAcceptedSchema, MAX_AUDIT_ENTRIES_PER_UPLOAD, PORTAL_BODY_LIMITS, PORTAL_ENDPOINTS, type AuditUploadEntry } from '../../src/shared/contract/portal.js';
import { chainOf, headOf } from './audit-fixtures.js';
import { bearer, postJson, send, STORE_KINDS, useStorage } from './support.js';

/*
 * POST /v1/audit-entries over HTTP, on both stores: each kiosk's chain kept by the credential that
 * sent it, refusals as 409 with where and why, and two uploads at once never forking a chain.
 */

const PATH = PORTAL_ENDPOINTS.uploadAuditEntries.path({});
const upload = (url: string, token: string, entries: readonly AuditUploadEntry[], extra: Record<string, unknown> = {}) =>
  postJson(url, PATH, { entries, ...extra }, bearer(token));

describe.each(STORE_KINDS)('audit uploads (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('stores a kiosk chain, accepts a resend without change, and refuses an edit with where and why', async () => {
    const env = await startPortals();
    const chain = chainOf(12);
    const first = await upload(env.portal.url, env.tokens.BSK1, chain.slice(0, 8));
    expect(first.status).toBe(200);
    expect(auditUploadAcceptedSchema.parse(first.json())).toEqual({ head: headOf(chain.slice(0, 8)), stored: 8 });
    const again = await upload(env.portal.url, env.tokens.BSK1, chain.slice(0, 8));
    expect(again.json()).toEqual({ head: headOf(chain.slice(0, 8)), stored: 0 });

    const edited = chain.slice(8).map((entry) => (entry.seq === 10 ? { ...entry, details: { action: 'load-from-usb' } } : entry));
    const refused = await upload(env.portal.url, env.tokens.BSK1, edited);
    expect(refused.status).toBe(409);
    expect(auditChainRefusalSchema.parse(refused.json()).error).toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', brokenAt: 10, reason: 'CONTENT_EDITED' });
    expect(await env.store.auditChain.head('BSK1')).toEqual(headOf(chain.slice(0, 8)));
  });

  it('takes the kiosk from the credential: a body cannot name another kiosk, and nothing goes without a credential', async () => {
    const env = await startPortals();
    const chain = chainOf(4);
    expect((await upload(env.portal.url, env.tokens.BSK2, chain, { kioskCode: 'BSK1' })).status).toBe(400);
    expect((await postJson(env.portal.url, PATH, { entries: chain })).status).toBe(401);
    expect((await upload(env.portal.url, env.tokens.BSK2, chain)).status).toBe(200);
    expect(await env.store.auditChain.head('BSK1')).toBeNull();
    expect(await env.store.auditChain.head('BSK2')).toEqual(headOf(chain));
  });

  it('takes kinds it does not know when the shape is sound, and refuses an unsound entry whole, storing nothing', async () => {
    const env = await startPortals();
    const [first, second] = chainOf(2) as [AuditUploadEntry, AuditUploadEntry];
    const unsound: Record<string, unknown>[] = [
      { ...first, kind: 'Staff-Sign-In' },
      { ...first, actor: 'A'.repeat(65) },
      { ...first, subject: 'Асанова' },
      { ...first, details: { nested: { role: 'clerk' } } },
      { ...first, details: Object.fromEntries(Array.from({ length: 13 }, (_, index) => [`d${index}`, index])) },
      { ...first, details: { amount: 1.5 } },
      { ...first, entryHash: 'E'.repeat(64) },
      { ...first, extra: 'field' },
    ];
    for (const entry of unsound) {
      const answer = await postJson(env.portal.url, PATH, { entries: [entry, second] }, bearer(env.tokens.BSK1));
      expect(answer.status, JSON.stringify(entry).slice(0, 80)).toBe(400);
    }
    expect(await env.store.auditChain.head('BSK1')).toBeNull();
    const unknownKind = chainOf(5).slice(0, 5);
    expect(unknownKind.map((entry) => entry.kind)).toContain('kind_from_a_newer_kiosk');
    expect((await upload(env.portal.url, env.tokens.BSK1, unknownKind)).status).toBe(200);
    const tooLarge = await send(env.portal.url, { method: 'POST', path: PATH, headers: { 'Content-Type': 'application/json', ...bearer(env.tokens.BSK1) }, body: JSON.stringify({ entries: [], pad: 'x'.repeat(PORTAL_BODY_LIMITS.auditUpload) }) });
    expect(tooLarge.status).toBe(413);
    expect(await env.store.auditChain.head('BSK1')).toEqual(headOf(unknownKind));
  });

  it('fits a full upload of the largest entries into its body limit, and refuses one entry more', async () => {
    const env = await startPortals();
    const largest: AuditUploadEntry = {
      ...chainOf(1)[0]!,
      seq: Number.MAX_SAFE_INTEGER,
      kind: 'k'.repeat(40),
      actor: 'A'.repeat(64),
      subject: 'S'.repeat(64),
      details: Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`d${index}`.padEnd(40, 'x'), ['C'.repeat(32), 'C'.repeat(32), 'C'.repeat(32), 'C'.repeat(32)]])),
    };
    const full = JSON.stringify({ entries: Array.from({ length: MAX_AUDIT_ENTRIES_PER_UPLOAD }, () => largest) });
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(PORTAL_BODY_LIMITS.auditUpload);
    const tooMany = await upload(env.portal.url, env.tokens.BSK1, chainOf(MAX_AUDIT_ENTRIES_PER_UPLOAD + 1));
    expect(tooMany.status).toBe(400);
    expect(await env.store.auditChain.head('BSK1')).toBeNull();
  });

  it('keeps one chain when two portals take overlapping uploads of one kiosk at once', async () => {
    const env = await startPortals(2);
    const chain = chainOf(150);
    const answers = await Promise.all([
      upload(env.portals[0]!.url, env.tokens.BSK1, chain.slice(0, 120)),
      upload(env.portals[1]!.url, env.tokens.BSK1, chain.slice(0, 150)),
      upload(env.portals[0]!.url, env.tokens.BSK1, chain.slice(0, 60)),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const stored = answers.reduce((sum, answer) => sum + (answer.json() as { stored: number }).stored, 0);
    expect(stored).toBe(150);
    expect(await env.store.auditChain.entries('BSK1', 1, Number.MAX_SAFE_INTEGER, 1000)).toEqual(chain);
  });

  it('portal-admin verify-audit prints OK with the head, or the first broken seq and why after an edit in the database', async () => {
    const env = await startPortals();
    const chain = chainOf(12);
    expect((await upload(env.portal.url, env.tokens.BSK1, chain)).status).toBe(200);
    const options = env.storage.options;
    const verify = async () => {
      const out: string[] = [];
      const io = { env: { DATABASE_URL: options.databaseUrl }, out: (line: string) => out.push(line), note: () => undefined };
      const code = await runAdmin(['verify-audit', 'BSK1', '--data', dirname(options.sqliteFile)], io);
      return { code, out };
    };
    expect(await verify()).toEqual({ code: 0, out: [`OK kiosk BSK1: 12 entries, head seq 12 ${chain[11]!.entryHash}`] });

    const edit = "UPDATE audit_chain_entry SET actor = '9999' WHERE kiosk_code = 'BSK1' AND seq = 5";
    if (kind === 'sqlite') {
      const db = new Database(options.sqliteFile);
      db.exec(edit);
      db.close();
    } else {
      const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
      await pool.query(edit);
      await pool.end();
    }
    expect(await verify()).toEqual({ code: 1, out: ['BROKEN kiosk BSK1: the chain breaks at seq 5 (CONTENT_EDITED)'] });
  });
});
