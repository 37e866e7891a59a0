import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditChainsSchema, auditEntriesPageSchema, auditVerificationSchema, type AuditChainRef } from '../../src/shared/contract/audit-page.js';
import { PORTAL_ENDPOINTS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { chainOf } from './audit-fixtures.js';
import { createAccount, PASSWORDS, signIn, type SignedIn } from './backoffice-support.js';
import { bearer, makeSubmission, postJson, runSql, send, STORE_KINDS, useStorage, type Answer, type PortalEnv } from './support.js';

const chainsPath = PORTAL_ENDPOINTS.auditChains.path({});
const verificationPath = PORTAL_ENDPOINTS.verifyAuditChain.path({});
const entriesPath = PORTAL_ENDPOINTS.listAuditEntries.path({});
const PORTAL_CHAIN: AuditChainRef = { kind: 'portal' };
const kioskChain = (kioskCode: string): AuditChainRef => ({ kind: 'kiosk', kioskCode });

/** A request as the back office page sends it: the session cookie, its CSRF token, from the portal's own origin. */
function asPage(url: string, signedIn: SignedIn, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  return send(url, {
    method,
    path,
    headers: {
      Cookie: signedIn.cookie,
      'X-CSRF-Token': signedIn.session.csrfToken,
      Origin: url,
      'Sec-Fetch-Site': 'same-origin',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe.each(STORE_KINDS)('the back office audit page (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  /** A portal whose own trail has entries (an officer moved an application) and whose kiosks BSK1 and BSK2 uploaded their chains. */
  async function prepared(): Promise<{ env: PortalEnv; administrator: SignedIn; officer: SignedIn; receiptNumber: string }> {
    const env = await startPortals();
    await createAccount(env.store, 'aigul', 'administrator');
    await createAccount(env.store, 'bakyt', 'officer');
    const url = env.portal.url;
    const administrator = await signIn(url, 'aigul', PASSWORDS.administrator);
    const officer = await signIn(url, 'bakyt', PASSWORDS.officer);
    const submission = await makeSubmission('BSK1');
    expect((await postJson(url, PORTAL_ENDPOINTS.submitApplication.path({}), submission, { ...bearer(env.tokens.BSK1), 'Idempotency-Key': submission.id })).status).toBe(201);
    for (const [expected, to] of [['received', 'in-review'], ['in-review', 'ready-for-pickup']] as const) {
      const moved = await asPage(url, officer, 'POST', PORTAL_ENDPOINTS.changeApplicationStatus.path({ receiptNumber: submission.receiptNumber }), { to, reasonId: null, expected });
      expect(moved.status, moved.text).toBe(200);
    }
    for (const [code, count] of [['BSK1', 7], ['BSK2', 3]] as const) {
      const uploaded = await postJson(url, PORTAL_ENDPOINTS.uploadAuditEntries.path({}), { entries: chainOf(count) }, bearer(env.tokens[code]));
      expect(uploaded.status, uploaded.text).toBe(200);
    }
    return { env, administrator, officer, receiptNumber: submission.receiptNumber };
  }

  const dropGuards =
    kind === 'sqlite'
      ? 'DROP TRIGGER portal_audit_no_update; DROP TRIGGER portal_audit_no_delete; DROP TRIGGER portal_audit_append_at_end;'
      : 'DROP TRIGGER portal_audit_no_update ON portal_audit; DROP TRIGGER portal_audit_no_delete ON portal_audit; DROP TRIGGER portal_audit_no_truncate ON portal_audit;';

  it('lists the portal’s own chain first, then each kiosk’s, with their heads', async () => {
    const { env, administrator } = await prepared();
    const answer = await asPage(env.portal.url, administrator, 'GET', chainsPath);
    expect(answer.status, answer.text).toBe(200);
    const { chains } = auditChainsSchema.parse(answer.json());
    expect(chains.map((chain) => [chain.chain, chain.head?.seq])).toEqual([
      [PORTAL_CHAIN, 2],
      [kioskChain('BSK1'), 7],
      [kioskChain('BSK2'), 3],
    ]);
    expect(chains[1]!.head!.entryHash).toBe(chainOf(7)[6]!.entryHash);
    expect(chains[1]!.receivedAt).not.toBeNull();
  });

  it('verifies each chain, and names where and why a tampered one breaks', async () => {
    const { env, administrator } = await prepared();
    const url = env.portal.url;
    const verify = async (chain: AuditChainRef) => {
      const answer = await asPage(url, administrator, 'POST', verificationPath, { chain });
      expect(answer.status, answer.text).toBe(200);
      return auditVerificationSchema.parse(answer.json());
    };
    expect(await verify(PORTAL_CHAIN)).toMatchObject({ result: { ok: true, entries: 2, head: { seq: 2 } }, missingGuards: [] });
    expect(await verify(kioskChain('BSK1'))).toMatchObject({ result: { ok: true, entries: 7, head: { seq: 7 } }, missingGuards: [] });

    await runSql(env.storage, "UPDATE audit_chain_entry SET actor = '9999' WHERE kiosk_code = 'BSK1' AND seq = 4");
    expect((await verify(kioskChain('BSK1'))).result).toEqual({ ok: false, brokenAt: 4, reason: 'CONTENT_EDITED' });
    expect((await verify(kioskChain('BSK2'))).result).toMatchObject({ ok: true, entries: 3 });

    // Entries cut off the end of the portal's trail: the chain that is left links up, but this portal saw a later head.
    await runSql(env.storage, `${dropGuards} DELETE FROM portal_audit WHERE seq = 2;`);
    const cut = await verify(PORTAL_CHAIN);
    expect(cut.result).toEqual({ ok: false, brokenAt: 2, reason: 'TRUNCATED' });
    expect(cut.missingGuards.length).toBe(3);
  });

  it('still lists a chain whose rows were edited into nonsense, and names the break', async () => {
    const { env, administrator } = await prepared();
    const url = env.portal.url;
    await runSql(env.storage, "UPDATE audit_chain_entry SET entry_hash = 'x', at = 'not a time' WHERE kiosk_code = 'BSK1' AND seq = 7");
    const listed = await asPage(url, administrator, 'GET', chainsPath);
    expect(listed.status, listed.text).toBe(200);
    expect(auditChainsSchema.parse(listed.json()).chains[1]!.head).toMatchObject({ seq: 7, entryHash: 'x', at: 'not a time' });
    const entries = await asPage(url, administrator, 'POST', entriesPath, { chain: kioskChain('BSK1'), limit: 2 });
    expect(auditEntriesPageSchema.parse(entries.json()).entries.map((entry) => entry.entryHash.length)).toEqual([1, 64]);
    const verified = await asPage(url, administrator, 'POST', verificationPath, { chain: kioskChain('BSK1') });
    expect(auditVerificationSchema.parse(verified.json()).result).toMatchObject({ ok: false, brokenAt: 7 });
  });

  it('pages past a gap someone cut, from any starting point, a page of one included', async () => {
    const { env, administrator } = await prepared();
    const url = env.portal.url;
    const page = async (body: Record<string, unknown>) => auditEntriesPageSchema.parse((await asPage(url, administrator, 'POST', entriesPath, { chain: kioskChain('BSK1'), ...body })).json());
    const seqs = (found: { entries: { seq: number }[] }) => found.entries.map((entry) => entry.seq);
    expect(await page({ before: 1 })).toEqual({ entries: [], before: null });
    expect(seqs(await page({ before: 1000, limit: 2 }))).toEqual([7, 6]);
    expect(await page({ before: 2, limit: 1 })).toMatchObject({ entries: [{ seq: 1 }], before: null });
    // The kiosk table has no append-only guard: entries 3 to 5 removed, the paging still reaches 2 and 1.
    await runSql(env.storage, "DELETE FROM audit_chain_entry WHERE kiosk_code = 'BSK1' AND seq BETWEEN 3 AND 5");
    const first = await page({ limit: 2 });
    expect([seqs(first), first.before]).toEqual([[7, 6], 6]);
    const second = await page({ before: first.before, limit: 2 });
    expect([seqs(second), second.before]).toEqual([[2, 1], null]);
  });

  it('a kiosk that never uploaded has no chain to verify', async () => {
    const { env, administrator } = await prepared();
    const answer = await asPage(env.portal.url, administrator, 'POST', verificationPath, { chain: kioskChain('BSK5') });
    expect([answer.status, portalErrorSchema.parse(answer.json()).error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('a portal started later, or another process, still finds the trail cut below a head it knows', async () => {
    const { env, officer, receiptNumber } = await prepared();
    // A second portal process on the same store, started after the first entries were written.
    const [later] = (await startPortals(1, {}, env.storage)).portals;
    await createAccount(env.store, 'cholpon', 'administrator');
    const administrator = await signIn(later!.url, 'cholpon', PASSWORDS.administrator);
    // The first portal appends a third entry; the later one learns of it when its page lists the chains.
    const moved = await asPage(env.portal.url, officer, 'POST', PORTAL_ENDPOINTS.changeApplicationStatus.path({ receiptNumber }), { to: 'issued', reasonId: null, expected: 'ready-for-pickup' });
    expect(moved.status, moved.text).toBe(200);
    expect((await asPage(later!.url, administrator, 'GET', chainsPath)).status).toBe(200);
    await runSql(env.storage, `${dropGuards} DELETE FROM portal_audit WHERE seq = 3;`);
    const cut = await asPage(later!.url, administrator, 'POST', verificationPath, { chain: PORTAL_CHAIN });
    expect(auditVerificationSchema.parse(cut.json()).result).toEqual({ ok: false, brokenAt: 3, reason: 'TRUNCATED' });
  });

  it('pages a chain newest first, naming the back office account behind each act', async () => {
    const { env, administrator, receiptNumber } = await prepared();
    const url = env.portal.url;
    const page = async (chain: AuditChainRef, before?: number, limit?: number) => {
      const answer = await asPage(url, administrator, 'POST', entriesPath, { chain, ...(before ? { before } : {}), ...(limit ? { limit } : {}) });
      expect(answer.status, answer.text).toBe(200);
      return auditEntriesPageSchema.parse(answer.json());
    };
    const own = await page(PORTAL_CHAIN);
    expect(own.entries.map((entry) => [entry.seq, entry.kind, entry.actorName, entry.subject])).toEqual([
      [2, 'status_changed', 'bakyt', receiptNumber],
      [1, 'status_changed', 'bakyt', receiptNumber],
    ]);
    expect(own.before).toBeNull();

    const seen: number[] = [];
    let before: number | undefined;
    do {
      const next = await page(kioskChain('BSK1'), before, 3);
      seen.push(...next.entries.map((entry) => entry.seq));
      before = next.before ?? undefined;
    } while (before);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((await page(kioskChain('BSK5'))).entries).toEqual([]);
  });

  it('is for administrators only: an officer is refused each call, and a change without the CSRF token or from another site is refused', async () => {
    const { env, officer, administrator } = await prepared();
    const url = env.portal.url;
    for (const [method, path, body] of [
      ['GET', chainsPath, undefined],
      ['POST', verificationPath, { chain: PORTAL_CHAIN }],
      ['POST', entriesPath, { chain: PORTAL_CHAIN }],
    ] as const) {
      const refused = await asPage(url, officer, method, path, body);
      expect([refused.status, portalErrorSchema.parse(refused.json()).error.code], `${method} ${path}`).toEqual([403, 'FORBIDDEN']);
      const signedOut = await send(url, { method, path, ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}) });
      expect(signedOut.status, `${method} ${path} without a session`).toBe(401);
    }
    const withoutToken = await send(url, {
      method: 'POST',
      path: verificationPath,
      headers: { Cookie: administrator.cookie, Origin: url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ chain: PORTAL_CHAIN }),
    });
    expect(withoutToken.status).toBe(403);
    const foreign = await send(url, {
      method: 'POST',
      path: entriesPath,
      headers: { Cookie: administrator.cookie, 'X-CSRF-Token': administrator.session.csrfToken, Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
      body: JSON.stringify({ chain: PORTAL_CHAIN }),
    });
    expect(foreign.status).toBe(403);
  });

  it('answers random bodies with a listed refusal or a page, never a 5xx', async () => {
    const { env, administrator } = await prepared();
    const url = env.portal.url;
    const chain = fc.oneof(
      fc.constant(PORTAL_CHAIN),
      fc.constantFrom('BSK1', 'BSK2', 'BSK5', 'bsk1', 'BSKI', '', '../x', 'BSK1 ').map((kioskCode) => ({ kind: 'kiosk', kioskCode })),
      fc.record({ kind: fc.string({ maxLength: 8 }) }),
      fc.anything({ maxDepth: 2 }),
    );
    const bodies = fc.oneof(
      fc.record({ chain, before: fc.option(fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 4 })), { nil: undefined }), limit: fc.option(fc.integer({ min: -5, max: 500 }), { nil: undefined }) }),
      fc.anything({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(verificationPath, entriesPath), bodies, fc.boolean(), async (path, body, raw) => {
        const text = raw ? JSON.stringify(body)?.slice(0, 40) ?? '' : JSON.stringify(body) ?? 'null';
        const answer = await send(url, {
          method: 'POST',
          path,
          headers: { Cookie: administrator.cookie, 'X-CSRF-Token': administrator.session.csrfToken, Origin: url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
          body: text,
        });
        expect(answer.status, answer.text).toBeLessThan(500);
        if (answer.status >= 400) {
          const endpoint = path === verificationPath ? PORTAL_ENDPOINTS.verifyAuditChain : PORTAL_ENDPOINTS.listAuditEntries;
          expect(Object.keys(endpoint.responses)).toContain(String(answer.status));
          expect(endpoint.errors).toContain(portalErrorSchema.parse(answer.json()).error.code);
        } else if (path === entriesPath) {
          expect(auditEntriesPageSchema.parse(answer.json()).entries.length).toBeLessThanOrEqual(100);
        } else {
          auditVerificationSchema.parse(answer.json());
        }
      }),
      { numRuns: 150 },
    );
  });
});
