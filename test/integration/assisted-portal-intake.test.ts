import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/portal/intake/submission-checks.js';
import { portalErrorSchema } from '../../src/shared/contract/portal.js';
import { makeSubmission, send, STORE_KINDS, submit, useStorage } from '../portal/support.js';

/*
 * The portal's side of assisted applications, over HTTP on both stores: the clerk's staff id is
 * stored with the submission, and a kiosk older than the field keeps delivering, first time or
 * again after the portal was updated.
 */
describe.each(STORE_KINDS)('the assisting clerk at the portal (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('stores the clerk’s staff id with an assisted submission, and null for an older kiosk’s body that has no such field', async () => {
    const env = await startPortals();
    const assisted = await makeSubmission('BSK1', { assistedBy: '1042' });
    expect((await submit(env.portal.url, env.tokens.BSK1, assisted)).status).toBe(201);
    // As a kiosk from before the field sends it.
    const older = await makeSubmission('BSK1');
    expect('assistedBy' in older).toBe(false);
    expect((await submit(env.portal.url, env.tokens.BSK1, older)).status).toBe(201);

    expect(await env.store.submission(assisted.id)).toMatchObject({ receiptNumber: assisted.receiptNumber, assistedBy: '1042' });
    expect(await env.store.submission(older.id)).toMatchObject({ receiptNumber: older.receiptNumber, assistedBy: null });
  });

  it('answers an older kiosk’s body sent again as the same body, hashed as the portal before the field hashed it, and refuses it with another clerk', async () => {
    const env = await startPortals();
    const older = await makeSubmission('BSK1');
    expect('assistedBy' in older).toBe(false);
    const first = await submit(env.portal.url, env.tokens.BSK1, older);
    expect(first.status).toBe(201);
    // The hash a portal without the field stored for this body: a replay after the update must match it.
    const hashBefore = createHash('sha256').update(canonicalJson(older), 'utf8').digest('hex');
    expect((await env.store.submission(older.id))?.bodyHash).toBe(hashBefore);

    expect((await submit(env.portal.url, env.tokens.BSK1, older)).json()).toEqual(first.json());
    const saysNobody = await submit(env.portal.url, env.tokens.BSK1, { ...older, assistedBy: null });
    expect(saysNobody.status).toBe(200);
    const namesAClerk = await submit(env.portal.url, env.tokens.BSK1, { ...older, assistedBy: '1042' });
    expect(namesAClerk.status).toBe(409);
    expect(portalErrorSchema.parse(namesAClerk.json()).error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses an assisting clerk that is not a staff id, storing nothing', async () => {
    const env = await startPortals();
    for (const assistedBy of ['12', 'Айгүл', '1042 ', 42]) {
      const answer = await submit(env.portal.url, env.tokens.BSK1, await makeSubmission('BSK1', { assistedBy: assistedBy as never }));
      expect(answer.status, String(assistedBy)).toBe(400);
    }
    expect((await env.store.stats()).submissions).toBe(0);
  });

  it('documents the field in the OpenAPI document as a staff id or null that a request may leave out', async () => {
    const env = await startPortals();
    const document = (await send(env.portal.url, { path: '/v1/openapi.json' })).json() as {
      components: { schemas: { SubmissionRequest: { required: string[]; properties: Record<string, unknown> } } };
    };
    const schema = document.components.schemas.SubmissionRequest;
    expect(schema.required).toContain('receiptNumber');
    expect(schema.required).not.toContain('assistedBy');
    expect(schema.properties.assistedBy).toEqual({ anyOf: [{ type: 'string', pattern: '^\\d{4,8}$' }, { type: 'null' }] });
  });
});
