import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPortal } from '../../src/portal/server.js';
import { makeSubmission } from '../portal/support.js';
import { useTempFolder } from '../support/temp-folder.js';

/**
 * The chaos run's duplicate figure: one visit stored twice under two ids is counted, which a count
 * of rows against ids could never show. Real sealing to the portal key, a real portal SQLite file.
 */
const tempFolder = useTempFolder();
const demoPortalKey = (JSON.parse(readFileSync('resources/demo-keys/demo-portal-2026.private.json', 'utf8')) as { privateKeyJwk: JsonWebKey }).privateKeyJwk;

describe('the duplicate-visit count of the chaos run', () => {
  it('counts a visit stored under two ids as one duplicate, and a row without a visit token apart', async () => {
    expect(existsSync('dist/portal/open-submission.js'), 'run `npm run build` first: the counter opens rows with the built portal code').toBe(true);
    const { duplicateVisitsAt, visitToken } = await import('../chaos/duplicate-visits.mjs');
    const dataFolder = tempFolder();
    const portal = await startPortal({ dataFolder, adminToken: 'duplicate-visits-admin', trustAnchors: [] });
    const visit = (index: number) => ({ answers: { lastName: 'Асанова', idCardNumber: visitToken(index) } });
    const accepted = new Date('2026-03-01T09:31:00.000Z');
    try {
      for (const document of [visit(1), visit(2), visit(1), { answers: { lastName: 'Асанова' } }]) {
        const request = await makeSubmission('BSK1', {}, document);
        expect((await portal.store.acceptSubmission('BSK1', request, request.id, accepted)).outcome).toBe('created');
      }
    } finally {
      await portal.close();
    }
    expect(await duplicateVisitsAt(join(dataFolder, 'portal.sqlite'), demoPortalKey)).toEqual({ rows: 4, visits: 2, duplicates: 1, untokened: 1 });
  });
});
