import { describe, expect, it } from 'vitest';
import { openSubmission, openSubmissionDocument, SubmissionOpenError } from '../../src/portal/open-submission.js';
import { demoPrivateKey, makeSubmission, STORE_KINDS, submit, useStorage } from './support.js';

describe.each(STORE_KINDS)('opening what the portal stored (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('opens a delivered submission with the demo portal private key; the stored row holds only the sealed bytes', async () => {
    const env = await startPortals();
    const document = { applicationId: 'x', answers: { lastName: 'Асанова', pin: '21234567890123' } };
    const request = await makeSubmission('BSK1', {}, document);
    expect((await submit(env.portal.url, env.tokens.BSK1, request)).status).toBe(201);

    const row = (await env.store.submission(request.id))!;
    expect(Buffer.from(row.sealed).includes(Buffer.from('Асанова'))).toBe(false);
    expect(await openSubmissionDocument(row, demoPrivateKey.privateKeyJwk)).toEqual(document);

    // The associated data binds the blob to its row: under another id or form version it does not open.
    await expect(openSubmission({ ...row, id: crypto.randomUUID() }, demoPrivateKey.privateKeyJwk)).rejects.toBeInstanceOf(SubmissionOpenError);
    await expect(openSubmission({ ...row, formVersion: 2 }, demoPrivateKey.privateKeyJwk)).rejects.toBeInstanceOf(SubmissionOpenError);
    await expect(openSubmission({ ...row, sealedFormat: 'other' }, demoPrivateKey.privateKeyJwk)).rejects.toBeInstanceOf(SubmissionOpenError);
  });
});
