import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationOpening } from '../../src/portal/applications/application-opening.js';
import { readPortalKeyring } from '../../src/portal/applications/portal-private-key.js';
import { publishedForms } from '../../src/portal/applications/published-forms.js';
import { verifyPortalAudit } from '../../src/portal/audit/portal-audit-verify.js';
import { ContentLibrary } from '../../src/portal/content/content-library.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import { makePackage, testCatalogue, testKeys, testService } from '../support/content-fixtures.js';
import { makeSubmission, STORE_KINDS, useStorage } from './support.js';

const keys = testKeys('opening-key');
const demoKeyring = readPortalKeyring({ current: 'resources/demo-keys/demo-portal-2026.private.json' });
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A library holding package 3 (form-general version 1, as the applications were made) and package 4 (version 2, its surname question reworded). */
async function libraryWithTwoFormVersions(): Promise<ContentLibrary> {
  const folder = mkdtempSync(join(tmpdir(), 'kyzmat-opening-library-'));
  folders.push(folder);
  const library = new ContentLibrary(folder, { trustAnchors: [keys.anchor], now: () => new Date(), log: () => undefined, fleetAppVersions: () => Promise.resolve([]) });
  expect((await library.publish(makePackage({ keys, version: 3 }))).outcome).toBe('published');
  const later = testCatalogue([testService('birth'), testService('marriage')]);
  const form = later.forms[0]!;
  later.forms[0] = {
    ...form,
    version: 2,
    pages: form.pages.map((page) =>
      page.id === 'name' ? { ...page, fields: [{ ...page.fields[0]!, label: { ky: 'Азыркы фамилия', ru: 'Нынешняя фамилия', en: 'Current surname' } }] } : page,
    ),
  };
  expect((await library.publish(makePackage({ keys, version: 4, catalogue: later }))).outcome).toBe('published');
  return library;
}

describe.each(STORE_KINDS)('an officer opens an application (%s)', (kind) => {
  const { storage } = useStorage(kind);

  async function setUp(keyring = demoKeyring): Promise<{ store: PortalStore; opening: ApplicationOpening }> {
    const store = await (await storage()).open();
    await store.migrate();
    const opening = new ApplicationOpening({
      submission: (id) => store.submission(id),
      applications: store.applications,
      forms: publishedForms(await libraryWithTwoFormVersions()),
      keys: keyring,
      now: () => new Date('2026-12-01T12:00:00.000Z'),
      log: () => undefined,
    });
    return { store, opening };
  }

  it('shows the answers under the questions of the form version the visitor answered, in the officer’s language, and records the opening', async () => {
    const { store, opening } = await setUp();
    const request = await makeSubmission('BSK1', {}, { answers: { lastName: 'Асанова', pin: '21204198500012', phone: '+996700123456' } });
    await store.acceptSubmission('BSK1', request, 'hash', new Date());

    const opened = await opening.open({ userId: 4 }, request.id, 'ru');
    expect(opened).toMatchObject({ outcome: 'opened', application: { receiptNumber: request.receiptNumber, formVersion: 1, status: 'received' }, history: [] });
    if (opened.outcome !== 'opened') return;
    expect(opened.answers).toEqual([
      { fieldId: 'lastName', question: 'Фамилия', answer: 'Асанова' },
      { fieldId: 'pin', question: 'ПИН', answer: '21204198500012' },
      { fieldId: 'phone', question: 'Телефон', answer: '+996700123456' },
    ]);
    expect((await opening.open({ userId: 4 }, request.id, 'en')).outcome).toBe('opened');

    const trail = await store.portalAudit.entries(0, 10);
    expect(trail.map((entry) => [entry.kind, entry.actor, entry.subject, entry.details])).toEqual([
      ['application_opened', 'user:4', request.receiptNumber, { submissionId: request.id, language: 'ru' }],
      ['application_opened', 'user:4', request.receiptNumber, { submissionId: request.id, language: 'en' }],
    ]);
    // Who opened which application is in the trail; what the visitor wrote never is.
    expect(JSON.stringify(trail)).not.toContain('Асанова');
    expect(await verifyPortalAudit(store.portalAudit)).toMatchObject({ ok: true, entries: 2 });
  });

  it('opens nothing and records nothing for an unknown id, another key, a blob that does not open or a form the library lacks', async () => {
    const { store, opening } = await setUp();
    const request = await makeSubmission('BSK1');
    await store.acceptSubmission('BSK1', request, 'hash', new Date());
    expect(await opening.open({ userId: 4 }, crypto.randomUUID(), 'ky')).toEqual({ outcome: 'not-found' });

    const otherKey = await makeSubmission('BSK1', { sealedKeyId: 'another-portal-key' });
    await store.acceptSubmission('BSK1', otherKey, 'hash', new Date());
    expect(await opening.open({ userId: 4 }, otherKey.id, 'ky')).toEqual({ outcome: 'cannot-open', reason: 'OTHER_KEY' });

    const moved = await makeSubmission('BSK1', { sealed: request.sealed });
    await store.acceptSubmission('BSK1', moved, 'hash', new Date());
    expect(await opening.open({ userId: 4 }, moved.id, 'ky')).toEqual({ outcome: 'cannot-open', reason: 'DOES_NOT_OPEN' });

    const unknownForm = await makeSubmission('BSK1', { contentVersion: 9 });
    await store.acceptSubmission('BSK1', unknownForm, 'hash', new Date());
    expect(await opening.open({ userId: 4 }, unknownForm.id, 'ky')).toEqual({ outcome: 'cannot-open', reason: 'FORM_UNKNOWN' });
    expect(await store.portalAudit.entries(0, 10)).toEqual([]);
  });

  it('opens nothing without a configured key', async () => {
    const store = await (await storage()).open();
    await store.migrate();
    const opening = new ApplicationOpening({
      submission: (id) => store.submission(id),
      applications: store.applications,
      forms: () => null,
      keys: readPortalKeyring({}),
      now: () => new Date(),
      log: () => undefined,
    });
    const request = await makeSubmission('BSK1');
    await store.acceptSubmission('BSK1', request, 'hash', new Date());
    expect(await opening.open({ userId: 4 }, request.id, 'ky')).toEqual({ outcome: 'cannot-open', reason: 'NO_KEY' });
  });
});
