import { describe, expect, it } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { submissionBodyHash } from '../../src/portal/intake/submission-checks.js';
import {
  applicationStatusSchema,
  portalErrorSchema,
  submissionAcceptedSchema,
  type SubmissionRequest,
} from '../../src/shared/contract/portal.js';
import { bearer, makeSubmission, postJson, send, STORE_KINDS, submit, useStorage, validHeartbeat, type Answer } from './support.js';

const errorCode = (answer: Answer) => portalErrorSchema.parse(answer.json()).error.code;
const errorMessage = (answer: Answer) => portalErrorSchema.parse(answer.json()).error.message;

describe.each(STORE_KINDS)('portal intake over HTTP (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('stores a new submission once (201), answers a replay with the first answer (200), refuses another body (409)', async () => {
    // The clock moves between requests (the portal's own jobs read it too, at start), so a replay's answer shows the first time, not its own.
    let clock = new Date('2026-03-01T10:00:00.000Z');
    const env = await startPortals(1, { now: () => clock });
    const request = await makeSubmission('BSK1');

    const created = await submit(env.portal.url, env.tokens.BSK1, request);
    clock = new Date('2026-03-01T10:05:00.000Z');
    expect(created.status).toBe(201);
    const accepted = submissionAcceptedSchema.parse(created.json());
    expect(accepted).toEqual({ id: request.id, receiptNumber: request.receiptNumber, acceptedAt: '2026-03-01T10:00:00.000Z' });

    const replayed = await submit(env.portal.url, env.tokens.BSK1, request);
    expect(replayed.status).toBe(200);
    expect(replayed.json()).toEqual(accepted);

    // Key order is not part of "the same body": the hash is over canonical JSON.
    clock = new Date('2026-03-01T10:09:00.000Z');
    const reordered = Object.fromEntries(Object.entries(request).reverse()) as SubmissionRequest;
    expect((await submit(env.portal.url, env.tokens.BSK1, reordered)).json()).toEqual(accepted);

    const changed = await submit(env.portal.url, env.tokens.BSK1, { ...request, serviceId: 'marriage-registration' });
    expect(changed.status).toBe(409);
    expect(errorCode(changed)).toBe('IDEMPOTENCY_CONFLICT');

    expect((await env.store.stats()).submissions).toBe(1);
    const row = await env.store.submission(request.id);
    expect(row).toMatchObject({ id: request.id, kioskCode: 'BSK1', serviceId: 'birth-registration', status: 'received', bodyHash: submissionBodyHash(request) });
    expect(Buffer.from(row!.sealed).toString('base64')).toBe(request.sealed);
  });

  it('refuses a receipt number already taken by another submission id (409), storing nothing', async () => {
    const env = await startPortals();
    const first = await makeSubmission('BSK1');
    expect((await submit(env.portal.url, env.tokens.BSK1, first)).status).toBe(201);
    const second = await makeSubmission('BSK1', { receiptNumber: first.receiptNumber });
    const answer = await submit(env.portal.url, env.tokens.BSK1, second);
    expect(answer.status).toBe(409);
    expect(errorCode(answer)).toBe('IDEMPOTENCY_CONFLICT');
    expect(await env.store.submission(second.id)).toBeNull();
  });

  it('requires an Idempotency-Key equal to the body id (400 VALIDATION), and says what to send', async () => {
    const env = await startPortals();
    const request = await makeSubmission('BSK1');
    const required = 'The Idempotency-Key header is required; it is the submission id (the body’s `id`, a lower-case UUID).';
    const missing = await postJson(env.portal.url, '/v1/submissions', request, bearer(env.tokens.BSK1));
    expect([missing.status, errorCode(missing), errorMessage(missing)]).toEqual([400, 'VALIDATION', required]);
    for (const malformed of ['', 'x', request.id.slice(1), `${request.id}0`]) {
      const answer = await submit(env.portal.url, env.tokens.BSK1, request, malformed);
      expect([answer.status, errorCode(answer), errorMessage(answer)], malformed).toEqual([400, 'VALIDATION', required]);
    }
    const mustEqual = 'The Idempotency-Key header must equal the body’s id.';
    const other = await submit(env.portal.url, env.tokens.BSK1, request, crypto.randomUUID());
    expect([other.status, errorCode(other), errorMessage(other)]).toEqual([400, 'VALIDATION', mustEqual]);
    const upper = await submit(env.portal.url, env.tokens.BSK1, request, request.id.toUpperCase());
    expect([upper.status, errorCode(upper), errorMessage(upper)]).toEqual([400, 'VALIDATION', mustEqual]);
    expect((await env.store.stats()).submissions).toBe(0);
  });

  it('refuses bodies that are not the contract: 400 for fields, 413 past 4 MiB, 415 for another media type', async () => {
    const env = await startPortals();
    const request = await makeSubmission('BSK1');
    const cases: [unknown, number][] = [
      [{ ...request, extra: true }, 400],
      [{ ...request, formVersion: '1' }, 400],
      [{ ...request, receiptNumber: request.receiptNumber.slice(0, -1) + (request.receiptNumber.endsWith('0') ? '1' : '0') }, 400], // check character
      [{ ...request, serviceId: 'birth\u0000registration' }, 400],
      [{ ...request, serviceId: 'birth\ud800' }, 400],
      [{ ...request, id: request.id.toUpperCase() }, 400],
    ];
    for (const [body, status] of cases) {
      const answer = await postJson(env.portal.url, '/v1/submissions', body, { ...bearer(env.tokens.BSK1), 'Idempotency-Key': request.id });
      expect(answer.status, JSON.stringify(body).slice(0, 120)).toBe(status);
      expect(errorCode(answer)).toBe('VALIDATION');
    }
    const huge = await send(env.portal.url, {
      method: 'POST',
      path: '/v1/submissions',
      headers: { ...bearer(env.tokens.BSK1), 'Idempotency-Key': request.id, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...request, sealed: 'A'.repeat(4 * 1024 * 1024) }),
    });
    expect([huge.status, errorCode(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const text = await send(env.portal.url, {
      method: 'POST',
      path: '/v1/submissions',
      headers: { ...bearer(env.tokens.BSK1), 'Idempotency-Key': request.id, 'Content-Type': 'text/plain' },
      body: JSON.stringify(request),
    });
    expect([text.status, errorCode(text)]).toEqual([415, 'VALIDATION']);
    expect((await env.store.stats()).submissions).toBe(0);
  });

  it('answers 401 without a valid credential and 403 for a revoked one', async () => {
    const env = await startPortals();
    const request = await makeSubmission('BSK1');
    const unknown = newKioskCredential('BSK1').token;
    const forged = env.tokens.BSK1.replace('kiosk_BSK1.', 'kiosk_BSK2.'); // BSK1's secret under another kiosk's name
    for (const headers of [{}, bearer('nonsense'), { Authorization: `Basic ${env.tokens.BSK1}` }, bearer(unknown), bearer(forged)]) {
      const answer = await postJson(env.portal.url, '/v1/submissions', request, { ...headers, 'Idempotency-Key': request.id });
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(errorCode(answer)).toBe('UNAUTHORIZED');
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(await env.store.revokeCredential('BSK1', new Date())).toBe(1);
    for (const answer of [
      await submit(env.portal.url, env.tokens.BSK1, request),
      await send(env.portal.url, { path: `/v1/applications/${request.receiptNumber}`, headers: bearer(env.tokens.BSK1) }),
      await postJson(env.portal.url, '/v1/heartbeats', validHeartbeat, bearer(env.tokens.BSK1)),
    ]) {
      expect([answer.status, errorCode(answer)]).toEqual([403, 'FORBIDDEN']);
    }
    // A reissued credential works again and the old one stays revoked.
    const fresh = newKioskCredential('BSK1');
    await env.store.issueCredential('BSK1', fresh.secretHash, new Date());
    expect((await submit(env.portal.url, fresh.token, request)).status).toBe(201);
    expect((await submit(env.portal.url, env.tokens.BSK1, request)).status).toBe(403);
  });

  it("refuses a submission whose receipt number is another kiosk's (403)", async () => {
    const env = await startPortals();
    const request = await makeSubmission('BSK2');
    const answer = await submit(env.portal.url, env.tokens.BSK1, request);
    expect([answer.status, errorCode(answer)]).toEqual([403, 'FORBIDDEN']);
    expect((await env.store.stats()).submissions).toBe(0);
    expect((await submit(env.portal.url, env.tokens.BSK2, request)).status).toBe(201);
  });

  it('tells any kiosk the status of a stored receipt number, 404 for an unknown one, 400 for a malformed one', async () => {
    const env = await startPortals(1, { now: () => new Date('2026-03-02T08:00:00.000Z') });
    const request = await makeSubmission('BSK1');
    await submit(env.portal.url, env.tokens.BSK1, request);
    const found = await send(env.portal.url, { path: `/v1/applications/${request.receiptNumber}`, headers: bearer(env.tokens.BSK2) });
    expect(found.status).toBe(200);
    expect(applicationStatusSchema.parse(found.json())).toEqual({
      receiptNumber: request.receiptNumber,
      serviceId: 'birth-registration',
      status: 'received',
      updatedAt: '2026-03-02T08:00:00.000Z',
      state: 'received',
      reason: null,
    });
    const other = (await makeSubmission('BSK1')).receiptNumber;
    const missing = await send(env.portal.url, { path: `/v1/applications/${other}`, headers: bearer(env.tokens.BSK1) });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NOT_FOUND']);
    const wrongCheck = request.receiptNumber.slice(0, -1) + (request.receiptNumber.endsWith('0') ? '1' : '0');
    for (const bad of ['nonsense', request.receiptNumber.toLowerCase(), '', '%42SK1-0000-00', wrongCheck]) {
      const answer = await send(env.portal.url, { path: `/v1/applications/${bad}`, headers: bearer(env.tokens.BSK1) });
      expect([answer.status, errorCode(answer), errorMessage(answer)], bad).toEqual([
        400,
        'VALIDATION',
        'Not a receipt number (XXXX-XXXX-XXXX-X, or the older XXXX-XXXX-XX; upper case, with its check character).',
      ]);
    }
    const anonymous = await send(env.portal.url, { path: `/v1/applications/${request.receiptNumber}` });
    expect(anonymous.status).toBe(401);
  });

  it('records a heartbeat (204) and refuses a malformed one (400) without a row', async () => {
    const env = await startPortals();
    const ok = await postJson(env.portal.url, '/v1/heartbeats', validHeartbeat, bearer(env.tokens.BSK1));
    expect(ok.status).toBe(204);
    expect(ok.text).toBe('');
    const bad = await postJson(env.portal.url, '/v1/heartbeats', { ...validHeartbeat, queueDepth: -1 }, bearer(env.tokens.BSK1));
    expect([bad.status, errorCode(bad)]).toEqual([400, 'VALIDATION']);
    const personal = await postJson(env.portal.url, '/v1/heartbeats', { ...validHeartbeat, visitorName: 'x' }, bearer(env.tokens.BSK1));
    expect(personal.status).toBe(400);
    expect((await env.store.stats()).heartbeats).toBe(1);
  });

  it('answers unknown paths 404 and wrong methods 405, as JSON errors', async () => {
    const env = await startPortals();
    const unknown = await send(env.portal.url, { path: '/v1/nothing-here' });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'NOT_FOUND']);
    const wrongMethod = await send(env.portal.url, { method: 'DELETE', path: '/v1/submissions', headers: bearer(env.tokens.BSK1) });
    expect([wrongMethod.status, errorCode(wrongMethod)]).toEqual([405, 'VALIDATION']);
    expect(wrongMethod.headers.allow).toBe('POST');
  });

  it('keeps request bodies out of its log lines', async () => {
    const lines: string[] = [];
    const env = await startPortals(1, { log: (event, fields) => lines.push(JSON.stringify({ event, ...fields })) });
    const request = await makeSubmission('BSK1');
    await submit(env.portal.url, env.tokens.BSK1, request);
    await submit(env.portal.url, env.tokens.BSK1, { ...request, serviceId: 'other-service-secret' });
    await postJson(env.portal.url, '/v1/submissions', { ...request, privacyPolicyVersion: 'marker-in-body' }, bearer(env.tokens.BSK1));
    expect(lines.some((line) => line.includes('submission_accepted'))).toBe(true);
    expect(lines.some((line) => line.includes('submission_conflict'))).toBe(true);
    const all = lines.join('\n');
    for (const fragment of [request.sealed.slice(0, 16), 'other-service-secret', 'marker-in-body', request.id]) expect(all).not.toContain(fragment);
  });
});
