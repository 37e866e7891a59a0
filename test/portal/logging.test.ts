import { describe, expect, it } from 'vitest';
import { bearer, makeSubmission, postJson, send, STORE_KINDS, submit, useStorage } from './support.js';

/**
 * The portal's log lines as operators read them: alerts match the event and the route's name
 * (submissions, application-status, heartbeats, content-manifest, content-file, admin-content,
 * openapi, or unknown), so those stay what they have been; no line holds a request body.
 */
describe.each(STORE_KINDS)('portal log lines (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('name the route for an accepted submission, a refused one, a wrong method and an unknown path, with no request body', async () => {
    const lines: Record<string, unknown>[] = [];
    const env = await startPortals(1, { log: (event, fields) => lines.push({ event, ...fields }) });
    // What the portal says as it starts (the keys it holds, the back office's folder) is not about requests.
    lines.splice(0);
    const request = await makeSubmission('BSK1', { privacyPolicyVersion: 'marker-in-body' });
    const kiosk = { ...bearer(env.tokens.BSK1), 'Content-Type': 'application/json' };

    expect((await submit(env.portal.url, env.tokens.BSK1, request)).status).toBe(201);
    expect((await postJson(env.portal.url, '/v1/submissions', request, bearer(env.tokens.BSK1))).status).toBe(400);
    expect((await send(env.portal.url, { method: 'DELETE', path: '/v1/submissions', headers: kiosk, body: JSON.stringify(request) })).status).toBe(405);
    expect((await send(env.portal.url, { method: 'POST', path: '/v1/nothing-here', headers: kiosk, body: JSON.stringify(request) })).status).toBe(404);
    expect((await send(env.portal.url, { path: '/v1/content/packages/1/%ZZ' })).status).toBe(404);

    expect(lines).toEqual([
      { event: 'submission_accepted', kiosk: 'BSK1', receiptNumber: request.receiptNumber, outcome: 'created' },
      { event: 'portal_request_refused', route: 'submissions', status: 400, code: 'VALIDATION' },
      { event: 'portal_request_refused', route: 'submissions', status: 405, code: 'VALIDATION' },
      { event: 'portal_request_refused', route: 'unknown', status: 404, code: 'NOT_FOUND' },
      { event: 'portal_request_refused', route: 'content-file', status: 404, code: 'NOT_FOUND' },
    ]);
    // The receipt number is what staff look a delivery up by; nothing else the body held appears.
    const text = JSON.stringify(lines);
    const bodyValues = Object.entries(request).filter(([field, value]) => field !== 'receiptNumber' && String(value).length >= 8);
    expect(bodyValues.map(([field]) => field)).toEqual(expect.arrayContaining(['id', 'serviceId', 'privacyPolicyVersion', 'sealed']));
    for (const [field, value] of bodyValues) expect(text, field).not.toContain(String(value));
  });
});
