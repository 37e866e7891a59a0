import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTENT_REJECTION_CODES } from '../../src/shared/content/package-verification.js';
import { AuditChainService } from '../../src/portal/audit/audit-chain-service.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { EnrolmentService } from '../../src/portal/enrolment/enrolment-service.js';
import { parseJsonBody } from '../../src/portal/http/request-body.js';
import { checkSubmission } from '../../src/portal/intake/submission-checks.js';
import { SEALED_FORMAT } from '../../src/portal/open-submission.js';
import type { PortalStats } from '../../src/portal/storage/portal-store.js';
import { auditChainRefusalSchema, auditUploadSchema, heartbeatSchema, PORTAL_ENDPOINTS, portalErrorSchema, type SubmissionRequest } from '../../src/shared/contract/portal.js';
import { accountLockedSchema, BACKOFFICE_SESSION_COOKIE, backOfficeSessionSchema } from '../../src/shared/contract/backoffice.js';
import { BackOfficeSessions } from '../../src/portal/backoffice/back-office-sessions.js';
import { createAccount, PASSWORDS } from './backoffice-support.js';
import { portalAuditChain } from '../../src/portal/audit/portal-audit-chain.js';
import { chainOf } from './audit-fixtures.js';
import { enrolmentCodeFromRandom } from '../../src/shared/domain/enrolment-code.js';
import { MAX_RECEIPT_RANDOM, receiptNumberOf } from '../support/receipt-numbers.js';
import { formatLegacyReceiptNumber } from '../../src/shared/domain/receipt-number.js';
import { endpointReached, expectListedRefusal } from './contract-answers.js';
import { signIn, type SignedIn } from './backoffice-support.js';
import { ADMIN_TOKEN, send, STORE_KINDS, useStorage, validHeartbeat, type Answer, type PortalEnv } from './support.js';

/**
 * Random malformed requests against every endpoint over real HTTP. The property: never a 5xx;
 * every 4xx is a JSON `{error:{code,message}}` with a status and code the endpoint's contract entry
 * lists; a refused request writes no row; and a 2xx only ever answers a request that really was
 * valid. Bounded runs keep the suite fast.
 */
const RUNS = 200;
const contentErrorSchema = z.object({ error: z.object({ code: z.enum(CONTENT_REJECTION_CODES), message: z.string() }) }).strict();
const SEALED = Buffer.alloc(80, 7).toString('base64');

type Json = unknown;
interface Shot {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const printable = (maxLength = 40) => fc.string({ maxLength });
/** Characters that break storage or encodings when they get through: NUL, lone surrogates, line separators. */
const nastyUnit = fc.constantFrom('\u0000', '\ud800', '\udfff', '\u2028', '\ufeff', 'é', 'ң', '😀', 'a', '"', '\\');
const anyText = (maxLength = 40) =>
  fc.oneof(
    { arbitrary: fc.string({ unit: nastyUnit, minLength: 1, maxLength }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary-ascii', maxLength }), weight: 1 },
  );

/** An Authorization header: mostly a live kiosk's (so requests get past authentication), else a revoked one's, the admin's, or junk. */
const authorization = (env: PortalEnv, revoked: string, live = `Bearer ${env.tokens.BSK1}`) =>
  fc.oneof(
    { arbitrary: fc.constant(live), weight: 8 },
    { arbitrary: fc.constant(`Bearer ${env.tokens.BSK2}`), weight: 1 },
    { arbitrary: fc.constant(`Bearer ${revoked}`), weight: 1 },
    { arbitrary: fc.constant(`Bearer ${ADMIN_TOKEN}`), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: printable().map((junk) => `Bearer ${junk}`), weight: 1 },
    { arbitrary: printable(), weight: 1 },
  );

/** Mostly the expected value, sometimes something else. */
const mostly = <T,>(expected: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(expected), weight: 6 }, { arbitrary: others, weight: 1 });

/** Bodies: raw bytes, text, arbitrary JSON, or a valid document with one thing broken (or, sometimes, nothing). */
function bodies(valid: fc.Arbitrary<Record<string, Json>>): fc.Arbitrary<string | Uint8Array> {
  const mutated = fc
    .tuple(
      valid,
      fc.oneof(
        { arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }), weight: 1 },
        { arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }), weight: 1 },
        { arbitrary: fc.record({ op: fc.constant('text' as const), at: fc.nat(), value: anyText(60) }), weight: 5 },
        { arbitrary: fc.record({ op: fc.constant('huge' as const), at: fc.nat(), size: fc.integer({ min: 65, max: 300_000 }) }), weight: 1 },
        { arbitrary: fc.record({ op: fc.constant('extra' as const), key: printable(12), value: fc.jsonValue({ maxDepth: 1 }) }), weight: 1 },
        { arbitrary: fc.record({ op: fc.constant('none' as const) }), weight: 1 },
      ),
    )
    .map(([document, change]) => {
      const copy: Record<string, Json> = { ...document };
      const keys = Object.keys(copy);
      if (change.op === 'delete') delete copy[keys[change.at % keys.length]!];
      if (change.op === 'set') copy[keys[change.at % keys.length]!] = change.value;
      if (change.op === 'text') {
        // Only into fields that hold text: those are where a stray NUL or surrogate could reach storage.
        const texts = keys.filter((key) => typeof copy[key] === 'string');
        copy[texts[change.at % texts.length]!] = change.value;
      }
      if (change.op === 'huge') copy[keys[change.at % keys.length]!] = 'A'.repeat(change.size);
      if (change.op === 'extra') copy[change.key] = change.value;
      return JSON.stringify(copy);
    });
  return fc.oneof(
    { arbitrary: mutated, weight: 8 },
    { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
    { arbitrary: anyText(300), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)), weight: 1 },
  );
}

// A kiosk from before the assisting clerk leaves the field out; a newer one names the clerk or says null.
const submissions = fc
  .record({
    id: fc.uuid({ version: [4, 7] }),
    kiosk: mostly('BSK1', fc.constantFrom('BSK2', 'ZZZ9')),
    receiptNumber: fc.oneof(
      fc.integer({ min: 0, max: MAX_RECEIPT_RANDOM }).map((value) => ({ value, legacy: false })),
      // Applications queued before the upgrade still deliver with the old sequential number.
      fc.integer({ min: 0, max: 32 ** 5 - 1 }).map((value) => ({ value, legacy: true })),
    ),
    clerk: fc.constantFrom(undefined, null, '1042'),
  })
  .map(({ id, kiosk, receiptNumber, clerk }): SubmissionRequest => ({
    id,
    receiptNumber: receiptNumber.legacy ? formatLegacyReceiptNumber(kiosk, receiptNumber.value) : receiptNumberOf(kiosk, receiptNumber.value),
    serviceId: 'birth-registration',
    formId: 'form-general',
    formVersion: 1,
    contentVersion: 3,
    privacyPolicyVersion: '1',
    userAgreementVersion: '1',
    language: 'ru',
    createdAt: '2026-03-01T09:30:00.000Z',
    sealedFormat: SEALED_FORMAT,
    sealedKeyId: 'demo-portal-2026',
    ...(clerk === undefined ? {} : { assistedBy: clerk }),
    sealed: SEALED,
  }));

/** Every UTF-8 byte as %XX (encodeURIComponent throws on a lone surrogate). */
const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');

function withHeaders(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function expectCleanRefusal(answer: Answer, shot: Shot): void {
  const method = shot.method;
  expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
  if (answer.status >= 400 && method !== 'HEAD') {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    // Content publishing names its own rejection codes (CONTENT_REJECTION_CODES); every other route uses PORTAL_ERROR_CODES.
    // An audit upload that breaks the chain says where and why (auditChainRefusalSchema).
    const schema =
      shot.path === '/v1/admin/content'
        ? z.union([portalErrorSchema, contentErrorSchema])
        : shot.path === '/v1/audit-entries'
          ? z.union([portalErrorSchema, auditChainRefusalSchema.strict()])
          : shot.path === PORTAL_ENDPOINTS.signIn.path({})
            ? z.union([portalErrorSchema, accountLockedSchema.strict()])
            : portalErrorSchema;
    expect(schema.safeParse(answer.json()).success, answer.text.slice(0, 200)).toBe(true);
    // A refusal from an endpoint is one its contract entry lists: a status among its responses, a code among its errors.
    const endpoint = endpointReached(method, shot.path);
    if (endpoint) expectListedRefusal(endpoint, answer, `${method} ${shot.path}`);
  }
}

describe.each(STORE_KINDS)('fuzzing the portal over HTTP (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  async function prepare() {
    // Limits high enough that every shot reaches validation; status-lookup-limits.test.ts tests the real ones.
    const env = await startPortals(1, { rateLimits: { applicationStatus: { perAddress: 6000, perCredential: 600, perCredentialPerDay: 100_000 } } });
    const revoked = newKioskCredential('BSK3');
    await env.store.issueCredential('BSK3', revoked.secretHash, new Date());
    await env.store.revokeCredential('BSK3', new Date());
    return { env, revoked: revoked.token };
  }

  async function fire(env: PortalEnv, shot: Shot): Promise<{ answer: Answer; before: PortalStats; after: PortalStats }> {
    const before = await env.store.stats();
    const answer = await send(env.portal.url, shot);
    expectCleanRefusal(answer, shot);
    return { answer, before, after: await env.store.stats() };
  }

  it('POST /v1/submissions', async () => {
    const { env, revoked } = await prepare();
    const shots = fc
      .record({
        request: submissions,
        auth: authorization(env, revoked),
        key: mostly<string | undefined>('id', fc.oneof(fc.constant(undefined), fc.uuid(), printable())),
        type: mostly<string | undefined>('application/json', fc.oneof(fc.constant(undefined), fc.constant('application/json; charset=utf-8'), printable())),
      })
      .chain(({ request, auth, key, type }) =>
        bodies(fc.constant(request as unknown as Record<string, Json>)).map(
          (body): Shot => ({
            method: 'POST',
            path: '/v1/submissions',
            headers: withHeaders({ Authorization: auth, 'Idempotency-Key': key === 'id' ? request.id : key, 'Content-Type': type }),
            body,
          }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const { answer, before, after } = await fire(env, shot);
        if (answer.status >= 400) {
          expect(after).toEqual(before);
          return;
        }
        // Only a valid delivery from the receipt number's own kiosk may be stored.
        const body = parseJsonBody(typeof shot.body === 'string' ? Buffer.from(shot.body) : shot.body!);
        const checked = body.ok ? checkSubmission(body.value) : body;
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        expect(shot.headers['Idempotency-Key']).toBe(checked.value.id);
        expect(shot.headers.Authorization).toMatch(new RegExp(`^Bearer kiosk_${checked.value.receiptNumber.slice(0, 4)}\\.`));
        expect(after.submissions - before.submissions).toBe(answer.status === 201 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/heartbeats', async () => {
    const { env, revoked } = await prepare();
    const shots = fc
      .record({
        auth: authorization(env, revoked),
        type: mostly<string | undefined>('application/json', fc.oneof(fc.constant(undefined), printable())),
        body: bodies(fc.constant(validHeartbeat as unknown as Record<string, Json>)),
      })
      .map(({ auth, type, body }): Shot => ({ method: 'POST', path: '/v1/heartbeats', headers: withHeaders({ Authorization: auth, 'Content-Type': type }), body }));
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const { answer, before, after } = await fire(env, shot);
        if (answer.status >= 400) return void expect(after).toEqual(before);
        expect(answer.status).toBe(204);
        const body = parseJsonBody(typeof shot.body === 'string' ? Buffer.from(shot.body) : shot.body!);
        expect(body.ok && heartbeatSchema.safeParse(body.value).success).toBe(true);
        expect(after.heartbeats - before.heartbeats).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/audit-entries', async () => {
    const { env, revoked } = await prepare();
    const chain = chainOf(40);
    // A valid upload (a slice of one chain), one of its entries with a field broken, or a whole malformed body.
    const entryFields = Object.keys(chain[0]!);
    const uploads = fc
      .record({ from: fc.nat({ max: 39 }), length: fc.integer({ min: 0, max: 12 }), broken: fc.option(fc.tuple(fc.nat(), fc.nat(), fc.oneof(anyText(70), fc.jsonValue({ maxDepth: 2 }))), { nil: undefined }) })
      .map(({ from, length, broken }) => {
        const entries: Record<string, Json>[] = chain.slice(from, from + length).map((entry) => ({ ...entry }));
        if (broken && entries.length > 0) entries[broken[0] % entries.length]![entryFields[broken[1] % entryFields.length]!] = broken[2];
        return { entries };
      });
    const shots = fc
      .record({
        auth: authorization(env, revoked),
        type: mostly<string | undefined>('application/json', fc.oneof(fc.constant(undefined), printable())),
        body: fc.oneof({ arbitrary: uploads.map((upload) => JSON.stringify(upload)), weight: 3 }, { arbitrary: bodies(uploads), weight: 1 }),
      })
      .map(({ auth, type, body }): Shot => ({ method: 'POST', path: '/v1/audit-entries', headers: withHeaders({ Authorization: auth, 'Content-Type': type }), body }));
    const heads = () => Promise.all([env.store.auditChain.head('BSK1'), env.store.auditChain.head('BSK2')]);
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const before = await heads();
        const { answer } = await fire(env, shot);
        const after = await heads();
        if (answer.status >= 400) return void expect(after).toEqual(before);
        expect(answer.status).toBe(200);
        // Only a well-formed upload whose entries all verify, from a live kiosk's credential, is stored.
        const body = parseJsonBody(typeof shot.body === 'string' ? Buffer.from(shot.body) : shot.body!);
        const parsed = body.ok ? auditUploadSchema.safeParse(body.value) : undefined;
        expect(parsed?.success).toBe(true);
        const entries = parsed?.data?.entries ?? [];
        if (entries.length > 0) expect(portalAuditChain.verifyChain(entries, entries[0]!.seq === 1 ? {} : { from: { seq: entries[0]!.seq - 1, entryHash: entries[0]!.previousHash } }).ok).toBe(true);
        expect(shot.headers.Authorization).toMatch(/^Bearer kiosk_BSK[12]\./);
      }),
      { numRuns: RUNS },
    );
    // What was stored is one unbroken chain per kiosk.
    const audit = new AuditChainService({ store: env.store.auditChain, now: () => new Date() });
    expect((await audit.verifyStored('BSK1')).ok).toBe(true);
    expect((await audit.verifyStored('BSK2')).ok).toBe(true);
  });

  it('GET /v1/applications/{receiptNumber}', async () => {
    const { env, revoked } = await prepare();
    const segment = fc.oneof(
      fc.integer({ min: 0, max: MAX_RECEIPT_RANDOM }).map((value) => receiptNumberOf('BSK1', value)),
      fc.integer({ min: 0, max: 32 ** 5 - 1 }).map((sequence) => formatLegacyReceiptNumber('BSK1', sequence)),
      anyText(30).map(percentEncode),
      printable(30).map((text) => text.replace(/[^!-~]/g, '').replace(/[/?#]/g, '')),
    );
    const shots = fc
      .record({ auth: authorization(env, revoked), segment, method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'HEAD', 'DELETE') })
      .map(({ auth, segment, method }): Shot => ({ method, path: `/v1/applications/${segment}`, headers: withHeaders({ Authorization: auth }) }));
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const { answer, before, after } = await fire(env, shot);
        expect([400, 401, 403, 404, 405]).toContain(answer.status);
        expect(after).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('PUT /v1/admin/content', async () => {
    const { env, revoked } = await prepare();
    const files = fc.dictionary(
      fc.oneof(fc.constantFrom('manifest.json', 'manifest.sig', 'catalogue.json', 'samples/a.svg'), printable(20)),
      fc.oneof(anyText(200), fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value)).toString('base64'))),
      { maxKeys: 5 },
    );
    const shots = fc
      .record({
        auth: authorization(env, revoked, `Bearer ${ADMIN_TOKEN}`),
        body: fc.oneof({ arbitrary: files.map((map) => JSON.stringify({ files: map })), weight: 4 }, { arbitrary: bodies(fc.constant({ files: {} })), weight: 1 }),
      })
      .map(({ auth, body }): Shot => ({ method: 'PUT', path: '/v1/admin/content', headers: withHeaders({ Authorization: auth }), body }));
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const { answer, before, after } = await fire(env, shot);
        // No trust anchor is configured, so nothing can publish.
        expect([400, 401, 409, 413, 422]).toContain(answer.status);
        expect(after).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/enrolment', async () => {
    const { env } = await prepare();
    const enrolment = new EnrolmentService({ codes: env.store.enrolmentCodes, revokeCredential: (code, at) => env.store.revokeCredential(code, at), now: () => new Date() });
    let pending = (await enrolment.createCode('BSK4')).code;
    const shots = fc
      .record({
        kioskCode: mostly<Json>('BSK4', fc.oneof(fc.constantFrom('BSK1', 'bsk4', 'ZZZ9', 'BSKU', ''), anyText(8))),
        code: mostly<Json>('pending', fc.oneof(fc.nat().map((seed) => enrolmentCodeFromRandom(new Uint8Array(9).fill(seed % 256))), anyText(14), fc.constant('pending-lower'))),
        type: mostly<string | undefined>('application/json', fc.oneof(fc.constant(undefined), printable())),
        // Mostly a client address of its own, so the per-address limit leaves the body to be checked; sometimes the same one again.
        from: fc.oneof({ arbitrary: fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 2, max: 254 })).map(([a, b, c]) => `127.${a}.${b}.${c}`), weight: 9 }, { arbitrary: fc.constant('127.0.0.1'), weight: 1 }),
      })
      .chain(({ kioskCode, code, type, from }) =>
        bodies(fc.constant({ kioskCode, code: code === 'pending' ? pending : code === 'pending-lower' ? pending.toLowerCase() : code })).map((body) => ({ from, shot: { method: 'POST', path: '/v1/enrolment', headers: withHeaders({ 'Content-Type': type }), body } satisfies Shot })),
      );
    await fc.assert(
      fc.asyncProperty(shots, async ({ from, shot }) => {
        const before = await env.store.stats();
        const answer = await send(env.portal.url, { ...shot, from });
        expectCleanRefusal(answer, shot);
        const after = await env.store.stats();
        if (answer.status >= 400) return void expect(after).toEqual(before);
        // Only the pending code, exactly as issued, for its own kiosk, trades for a credential, once.
        expect(answer.status).toBe(200);
        const body = parseJsonBody(typeof shot.body === 'string' ? Buffer.from(shot.body) : shot.body);
        expect(body.ok && body.value).toEqual({ kioskCode: 'BSK4', code: pending });
        expect((answer.json() as { credential: string }).credential).toMatch(/^kiosk_BSK4\./);
        expect(after.credentials - before.credentials).toBe(1);
        expect(after.liveCredentials - before.liveCredentials).toBe(before.credentials === 3 ? 1 : 0);
        pending = (await enrolment.createCode('BSK4')).code;
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/admin/kiosks/{kioskCode}/enrolment-code and /revocation', async () => {
    const { env, revoked } = await prepare();
    await createAccount(env.store, 'aigul', 'administrator');
    await createAccount(env.store, 'bakyt', 'officer');
    const page = (signedIn: SignedIn) => ({ Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: env.portal.url, 'Sec-Fetch-Site': 'same-origin' });
    const administrator = page(await signIn(env.portal.url, 'aigul', PASSWORDS.administrator));
    const officer = page(await signIn(env.portal.url, 'bakyt', PASSWORDS.officer));
    const callers = fc.oneof(
      { arbitrary: fc.constant(administrator), weight: 6 },
      { arbitrary: fc.constant(officer), weight: 1 },
      { arbitrary: fc.constant({ ...administrator, 'X-CSRF-Token': 'x'.repeat(43) }), weight: 1 },
      { arbitrary: fc.constant({ ...administrator, Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' }), weight: 1 },
      { arbitrary: authorization(env, revoked, `Bearer ${ADMIN_TOKEN}`).map((auth) => withHeaders({ Authorization: auth })), weight: 2 },
    );
    const segment = fc.oneof(fc.constantFrom('BSK1', 'BSK2', 'BSK5', 'bsk1', 'BSKU', 'BSK12', ''), anyText(12).map(percentEncode), printable(12).map((text) => text.replace(/[^!-~]/g, '').replace(/[/?#%]/g, '')));
    const shots = fc
      .record({
        caller: callers,
        segment,
        action: fc.constantFrom('enrolment-code', 'revocation'),
        method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'),
        body: fc.option(bodies(fc.constant({ kioskCode: 'BSK1' })), { nil: undefined }),
      })
      .map(({ caller, segment, action, method, body }): Shot => ({ method, path: `/v1/admin/kiosks/${segment}/${action}`, headers: caller, body }));
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const before = await env.store.stats();
        const { answer, after } = await fire(env, shot);
        if (answer.status >= 400) return void expect(after).toEqual(before);
        // Only the signed-in administrator's page, for a code in the form kiosks are issued (four
        // Crockford base-32 capitals), makes a code or revokes. The code need not be in the fleet yet:
        // an enrolment code is how a new kiosk joins, and the fuzzer's text finds such codes ('0000').
        expect(shot.method).toBe('POST');
        expect(shot.headers).toEqual(administrator);
        const kioskCode = /^\/v1\/admin\/kiosks\/([^/]*)\//.exec(shot.path)![1]!;
        expect(kioskCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
        if (shot.path.endsWith('/enrolment-code')) {
          expect(answer.status).toBe(201);
          expect((answer.json() as { kioskCode: string }).kioskCode).toBe(kioskCode);
          expect(after).toEqual(before);
        } else {
          expect(answer.status).toBe(200);
          expect(before.liveCredentials - after.liveCredentials).toBe((answer.json() as { revokedCredentials: number }).revokedCredentials);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the back office: sign-in, session, sign-out and the account list', async () => {
    const { env } = await prepare();
    await createAccount(env.store, 'aigul', 'officer');
    await createAccount(env.store, 'bakyt', 'administrator');
    const accounts = env.store.backOfficeAccounts;
    const sessions = new BackOfficeSessions({ accounts, now: () => new Date() });
    const paths = {
      signIn: PORTAL_ENDPOINTS.signIn.path({}),
      session: PORTAL_ENDPOINTS.backOfficeSession.path({}),
      signOut: PORTAL_ENDPOINTS.signOut.path({}),
      users: PORTAL_ENDPOINTS.listBackOfficeUsers.path({}),
    };
    const shots = fc.record({
      method: mostly<string>('expected', fc.constantFrom('GET', 'POST', 'PUT', 'DELETE')),
      target: fc.constantFrom(...(Object.keys(paths) as (keyof typeof paths)[])),
      username: fc.constantFrom('aigul', 'bakyt'),
      cookie: mostly<'live' | 'none' | 'junk' | 'ended'>('live', fc.constantFrom('none', 'junk', 'ended')),
      csrf: mostly<'right' | 'none' | 'wrong'>('right', fc.constantFrom('none', 'wrong')),
      origin: mostly<'own' | 'none' | 'foreign'>('own', fc.constantFrom('none', 'foreign')),
      site: fc.constantFrom(undefined, 'same-origin', 'same-site', 'cross-site', 'none'),
      junk: printable(60),
      body: fc.option(bodies(fc.constant({ username: 'aigul', password: PASSWORDS.officer })), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(shots, async (drawn) => {
        const account = (await accounts.account(drawn.username))!;
        const { sessionId, signedIn } = await sessions.open(account);
        if (drawn.cookie === 'ended') await sessions.end(signedIn.sessionIdHash);
        const cookieValue = { live: sessionId, ended: sessionId, junk: drawn.junk.replace(/[;\s]/g, ''), none: undefined }[drawn.cookie];
        const path = paths[drawn.target];
        const method = drawn.method === 'expected' ? (drawn.target === 'signIn' || drawn.target === 'signOut' ? 'POST' : 'GET') : drawn.method;
        const shot: Shot = {
          method,
          path,
          headers: withHeaders({
            Cookie: cookieValue === undefined ? undefined : `${BACKOFFICE_SESSION_COOKIE}=${cookieValue}`,
            'X-CSRF-Token': { right: signedIn.csrfToken, wrong: drawn.junk, none: undefined }[drawn.csrf],
            Origin: { own: env.portal.url, foreign: 'http://evil.example', none: undefined }[drawn.origin],
            'Sec-Fetch-Site': drawn.site,
            'Content-Type': drawn.body === undefined ? undefined : 'application/json',
          }),
          ...(drawn.body === undefined ? {} : { body: drawn.body }),
        };
        const { answer } = await fire(env, shot);
        if (answer.status >= 400) return;
        // What succeeded was allowed: the right method, a live session, and for a change the token and this site.
        const sameSite = drawn.origin !== 'foreign' && (drawn.site === undefined || drawn.site === 'same-origin');
        if (drawn.target === 'signIn') {
          expect(sameSite).toBe(true);
          expect(JSON.parse(String(shot.body))).toEqual({ username: 'aigul', password: PASSWORDS.officer });
          expect(backOfficeSessionSchema.parse(answer.json()).username).toBe('aigul');
          return;
        }
        expect(drawn.cookie).toBe('live');
        if (drawn.target === 'signOut') expect([drawn.csrf, sameSite, answer.status]).toEqual(['right', true, 204]);
        if (drawn.target === 'users') expect(drawn.username).toBe('bakyt');
      }),
      { numRuns: RUNS },
    );
  });

  it('content, admin, the OpenAPI document and paths that are not there', async () => {
    const { env, revoked } = await prepare();
    const knownPaths = [
      '/v1/content/manifest',
      '/v1/content/packages/1/manifest.json',
      '/v1/content/packages/1/catalogue.json',
      '/v1/admin/content',
      '/v1/openapi.json',
      '/v1/submissions',
      '/v1/heartbeats',
      '/v1/audit-entries',
      '/v1/applications/BSK1-0000-0',
      '/',
      '',
    ];
    const pathArb = fc.oneof(
      fc.constantFrom(...knownPaths),
      fc.tuple(fc.constantFrom(...knownPaths), printable(30)).map(([path, tail]) => path + encodeURI(tail).replace(/#/g, '%23')),
      // Percent escapes that do not decode (truncated, not hex, not UTF-8), where a path or parameter is read.
      fc.tuple(fc.constantFrom(...knownPaths), fc.constantFrom('%', '%Z', '%ZZ', '%E0%A4%A', '%C0%AF', '%FF', '/%ZZ')).map(([path, tail]) => path + tail),
      anyText(40).map((text) => '/' + percentEncode(text)),
      fc.constantFrom('*', 'http://example.com/v1/openapi.json', '//v1/openapi.json', '/v1/content/packages/99999999999999999999/manifest.json', '/v1/content/packages/1/../../../etc/passwd'),
    );
    const publishBody = fc
      .dictionary(fc.oneof(fc.constantFrom('manifest.json', 'manifest.sig', 'catalogue.json', 'samples/a.svg'), printable(20)), anyText(200), { maxKeys: 5 })
      .map((files) => JSON.stringify({ files }));
    const shots = fc
      .record({
        method: fc.oneof(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), fc.stringMatching(/^[A-Z]{1,10}$/)),
        path: pathArb,
        auth: authorization(env, revoked),
        ifNoneMatch: fc.option(printable(), { nil: undefined }),
        body: fc.option(fc.oneof(publishBody, bodies(fc.constant({ files: {} }))), { nil: undefined }),
      })
      .map(
        ({ method, path, auth, ifNoneMatch, body }): Shot => ({
          method,
          path: path === '' || path.startsWith('/') || path === '*' || path.startsWith('http') ? path || '/' : `/${path}`,
          headers: withHeaders({ Authorization: auth, 'If-None-Match': ifNoneMatch }),
          body,
        }),
      );
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const { answer, before, after } = await fire(env, shot);
        expect(after).toEqual(before);
        if (answer.status < 400) {
          // Only the OpenAPI document, and `/`, which leads to the back office page.
          const target = [shot.method, shot.path.split('?')[0]];
          expect([['GET', '/v1/openapi.json'], ['GET', '/']]).toContainEqual(target);
          if (target[1] === '/') expect([answer.status, answer.headers.location]).toEqual([302, '/backoffice/']);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
