import { describe, expect, it } from 'vitest';
import { submissionAcceptedSchema, type SubmissionRequest } from '../../src/shared/contract/portal.js';
import { makeSubmission, STORE_KINDS, submit, useStorage } from './support.js';

/**
 * The exactly-once-in-effect proof: many deliveries of one id at the same time, spread over two
 * portal instances that share the storage (each with its own store and connections, as two portal
 * processes would), store one row and all get the first answer.
 */
describe.each(STORE_KINDS)('concurrent delivery of one submission id (%s)', (kind) => {
  const { startPortals, storage } = useStorage(kind);

  it('50 concurrent POSTs of the same id create exactly one row and all answer the same acceptedAt', async () => {
    let tick = Date.parse('2026-03-01T10:00:00.000Z');
    const env = await startPortals(2, { now: () => new Date((tick += 1000)) });
    const request = await makeSubmission('BSK1');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) => submit(env.portals[index % 2]!.url, env.tokens.BSK1, request)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(49);
    const bodies = answers.map((answer) => submissionAcceptedSchema.parse(answer.json()));
    expect(new Set(bodies.map((body) => body.acceptedAt)).size).toBe(1);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect((await env.store.stats()).submissions).toBe(1);
    expect((await env.store.submission(request.id))!.acceptedAt).toBe(bodies[0]!.acceptedAt);
  });

  it('10 different bodies for one id, 5 times each at once: one is created, its copies replay (200), the rest conflict (409)', async () => {
    const env = await startPortals(2);
    const base = await makeSubmission('BSK1');
    const variants: SubmissionRequest[] = Array.from({ length: 10 }, (_, index) => ({ ...base, contentVersion: index + 1 }));
    const order = Array.from({ length: 50 }, (_, index) => index % 10);
    const answers = await Promise.all(order.map((variant, index) => submit(env.portals[index % 2]!.url, env.tokens.BSK1, variants[variant]!)));

    const created = answers.flatMap((answer, index) => (answer.status === 201 ? [order[index]!] : []));
    expect(created).toHaveLength(1);
    const winner = created[0]!;
    answers.forEach((answer, index) => {
      const expected = order[index] === winner ? [200, 201] : [409];
      expect(expected, `variant ${order[index]} answered ${answer.status}`).toContain(answer.status);
    });
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(45);
    expect((await env.store.stats()).submissions).toBe(1);
    expect((await env.store.submission(base.id))!.contentVersion).toBe(winner + 1);
  });

  it('store level: 40 racing acceptSubmission calls on separate stores leave one row', async () => {
    const target = await storage();
    const stores = await Promise.all(Array.from({ length: 4 }, () => target.open()));
    await Promise.all(stores.map((store) => store.migrate()));
    const request = await makeSubmission('BSK1');
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, index) => stores[index % 4]!.acceptSubmission('BSK1', request, 'same-hash', new Date(Date.UTC(2026, 0, 1, 0, 0, index)))),
    );
    expect(outcomes.filter((result) => result.outcome === 'created')).toHaveLength(1);
    expect(outcomes.filter((result) => result.outcome === 'replayed')).toHaveLength(39);
    const acceptedAt = new Set(outcomes.map((result) => (result.outcome === 'conflict' ? 'conflict' : result.accepted.acceptedAt)));
    expect(acceptedAt.size).toBe(1);
    expect((await stores[0]!.stats()).submissions).toBe(1);
  });
});
