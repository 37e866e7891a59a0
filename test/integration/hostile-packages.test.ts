import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { buildPackage, ContentBuildError, describeParts, signPackage } from '../../src/portal/content/package-builder.js';
import { packageReader, type PackageFiles } from '../../src/portal/content/package-files.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { ContentProblem } from '../../src/shared/content/content-meaning.js';
import { CATALOGUE_PART, MANIFEST_FILE, type CatalogueDocument } from '../../src/shared/content/content-schema.js';
import { ContentRejection, verifyPackage, type ContentRejectionCode } from '../../src/shared/content/package-verification.js';
import type { ContentStatus, InstallOutcome, ServiceSummary } from '../../src/shared/contract/ipc.js';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import type { Expression, FormDefinition } from '../../src/shared/forms/form-schema.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { signInTechnician } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

/**
 * Packages an administrator could sign by mistake (or an attacker with the key on purpose), each
 * refused with the same code and the same file and path at all four doors: `content build`,
 * `content verify`, the portal's publish and the kiosk's apply; the kiosk keeps serving what it had.
 */

const tempFolder = useTempFolder();
const keys = testKeys('hostile-key');
const text = (en: string) => ({ ky: `${en} ky`, ru: `${en} ru`, en });
const FORM_FILE = 'forms/form-general.json';
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>sample</text></svg>');

interface HostileCase {
  name: string;
  /** Changes a sound catalogue into the hostile one. */
  change?: (document: CatalogueDocument, form: FormDefinition) => void;
  /** Or: the hostile bytes of the form's file (at build) and of catalogue.json (in the package). */
  formBytes?: () => Buffer;
  /** Or: the bytes and media type of the birth service's sample. */
  sample?: { bytes: Buffer; mediaType?: 'image/png' | 'image/svg+xml' };
  code: ContentRejectionCode;
  /** For CONTENT_INVALID: the first problem. */
  problem?: Pick<ContentProblem, 'file' | 'path' | 'rule'>;
}

const field = (form: FormDefinition, page: number, index = 0) => form.pages[page]!.fields[index]! as Record<string, unknown>;
const nested = (depth: number): Expression => (depth === 0 ? { var: 'lastName' } : { not: [nested(depth - 1)] });
const wide = (levels: number): Expression => (levels === 0 ? 1 : { '+': Array.from({ length: 20 }, () => wide(levels - 1)) });
const invalid = (file: string, path: string, rule: ContentProblem['rule']) => ({ code: 'CONTENT_INVALID' as const, problem: { file, path, rule } });

const CASES: HostileCase[] = [
  {
    name: 'a form whose every page is never relevant (a white screen after consent)',
    change: (_, form) => form.pages.forEach((page) => (page.relevant = false)),
    ...invalid(FORM_FILE, 'pages', 'NO_FIRST_PAGE'),
  },
  {
    name: 'a pattern with a backreference, which no linear-time engine runs',
    change: (_, form) => Object.assign(field(form, 0), { pattern: { regex: '(а)\\1', message: text('no') } }),
    ...invalid(FORM_FILE, 'pages[0].fields[0].pattern.regex', 'PATTERN_INVALID'),
  },
  {
    name: 'a pattern with a lookahead',
    change: (_, form) => Object.assign(field(form, 0), { pattern: { regex: '(?=а)а+', message: text('no') } }),
    ...invalid(FORM_FILE, 'pages[0].fields[0].pattern.regex', 'PATTERN_INVALID'),
  },
  {
    name: 'a pattern that does not compile (it used to be skipped silently)',
    change: (_, form) => Object.assign(field(form, 0), { pattern: { regex: '([А-Я', message: text('no') } }),
    ...invalid(FORM_FILE, 'pages[0].fields[0].pattern.regex', 'PATTERN_INVALID'),
  },
  {
    name: 'a repeat group of at least 5 and at most 2 items',
    change: (_, form) =>
      form.pages.push({
        id: 'children',
        fields: [{ id: 'children', type: 'repeatGroup', label: text('Children'), itemLabel: text('Child'), minItems: 5, maxItems: 2, fields: [{ id: 'name', type: 'text', label: text('Name') }] }],
      }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].minItems', 'MIN_ABOVE_MAX'),
  },
  {
    name: 'a number above 10 and below 5',
    change: (_, form) => form.pages.push({ id: 'count', fields: [{ id: 'count', type: 'number', label: text('Count'), min: 10, max: 5 }] }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].min', 'MIN_ABOVE_MAX'),
  },
  {
    name: 'a text of at least 20 and at most 10 characters',
    change: (_, form) => Object.assign(field(form, 0), { minLength: 20, maxLength: 10 }),
    ...invalid(FORM_FILE, 'pages[0].fields[0].minLength', 'MIN_ABOVE_MAX'),
  },
  {
    name: 'at least 3 and at most 1 choices',
    change: (_, form) =>
      form.pages.push({
        id: 'needs',
        fields: [
          {
            id: 'needs',
            type: 'multipleChoice',
            label: text('Needs'),
            minSelected: 3,
            maxSelected: 1,
            options: ['a', 'b', 'c'].map((value) => ({ value, label: text(value) })),
          },
        ],
      }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].minSelected', 'MIN_ABOVE_MAX'),
  },
  {
    name: 'at least 4 choices out of 3',
    change: (_, form) =>
      form.pages.push({
        id: 'needs',
        fields: [{ id: 'needs', type: 'multipleChoice', label: text('Needs'), minSelected: 4, options: ['a', 'b', 'c'].map((value) => ({ value, label: text(value) })) }],
      }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].minSelected', 'MIN_ABOVE_CHOICES'),
  },
  {
    name: 'a date neither in the future nor in the past',
    change: (_, form) => form.pages.push({ id: 'when', fields: [{ id: 'when', type: 'date', label: text('When'), notInFuture: true, notInPast: true }] }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].notInPast', 'DATE_NEITHER_PAST_NOR_FUTURE'),
  },
  {
    name: 'two options with one value',
    change: (_, form) =>
      form.pages.push({
        id: 'urgency',
        fields: [{ id: 'urgency', type: 'singleChoice', label: text('Urgency'), options: [{ value: 'fast', label: text('Fast') }, { value: 'fast', label: text('Faster') }] }],
      }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].options[1].value', 'DUPLICATE_OPTION'),
  },
  {
    name: 'two inputs of a repeat group writing one answer',
    change: (_, form) =>
      form.pages.push({
        id: 'children',
        fields: [
          {
            id: 'children',
            type: 'repeatGroup',
            label: text('Children'),
            itemLabel: text('Child'),
            minItems: 0,
            maxItems: 3,
            fields: [
              { id: 'name', type: 'text', label: text('Name') },
              { id: 'name', type: 'text', label: text('Other name') },
            ],
          },
        ],
      }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].fields[1].id', 'DUPLICATE_ID'),
  },
  {
    name: 'a service listing one document twice',
    change: (document) => document.services[0]!.requiredDocuments.push({ id: 'passport', title: text('Passport again') }),
    ...invalid('services/birth.json', 'requiredDocuments[1].id', 'DUPLICATE_ID'),
  },
  {
    name: 'a rule nested deeper than the evaluator goes (it was silently null: an always-true constraint)',
    change: (_, form) => Object.assign(field(form, 0), { constraints: [{ rule: nested(40), message: text('no') }] }),
    ...invalid(FORM_FILE, 'pages[0].fields[0].constraints[0].rule', 'EXPRESSION_TOO_DEEP'),
  },
  {
    name: 'a rule wider than the evaluator’s step limit',
    change: (_, form) => Object.assign(field(form, 0), { relevant: { '==': [wide(3), 8000] } }),
    ...invalid(FORM_FILE, 'pages[0].fields[0].relevant', 'EXPRESSION_TOO_LARGE'),
  },
  {
    name: 'a rule that reads a field the form does not have',
    change: (_, form) => Object.assign(field(form, 1), { relevant: { '==': [{ var: 'maritalStatus' }, 'married'] } }),
    ...invalid(FORM_FILE, 'pages[1].fields[0].relevant', 'UNKNOWN_FIELD'),
  },
  {
    name: 'a PIN compared with a birth date field that does not exist',
    change: (_, form) => Object.assign(field(form, 1), { birthDateField: 'birthDate' }),
    ...invalid(FORM_FILE, 'pages[1].fields[0].birthDateField', 'UNKNOWN_FIELD'),
  },
  {
    name: 'a PIN compared with a field that is not a date',
    change: (_, form) => Object.assign(field(form, 1), { birthDateField: 'lastName' }),
    ...invalid(FORM_FILE, 'pages[1].fields[0].birthDateField', 'NOT_A_DATE_FIELD'),
  },
  {
    name: 'two calculated fields that depend on each other',
    change: (_, form) =>
      form.pages.push({
        id: 'fees',
        fields: [
          { id: 'fee', type: 'calculated', label: text('Fee'), format: 'som', expression: { '+': [{ var: 'total' }, 1] } },
          { id: 'total', type: 'calculated', label: text('Total'), format: 'som', expression: { '+': [{ var: 'fee' }, 1] } },
        ],
      }),
    ...invalid(FORM_FILE, 'pages[3].fields[0].expression', 'CALCULATION_CYCLE'),
  },
  {
    name: 'a document whose relevance reads a field the form does not have',
    change: (document) => Object.assign(document.services[0]!.requiredDocuments[0]!, { relevant: { var: 'marriedBefore' } }),
    ...invalid('services/birth.json', 'requiredDocuments[0].relevant', 'UNKNOWN_FIELD'),
  },
  {
    name: 'a 10 MB title',
    change: (document) => (document.services[0]!.title.ru = 'я'.repeat(10 * 1024 * 1024)),
    ...invalid('services/birth.json', 'title.ru', 'TEXT_TOO_LONG'),
  },
  {
    name: 'JSON nested 100,000 deep (a stack overflow in verify, a 500 from the portal)',
    formBytes: () => Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    code: 'CONTENT_TOO_DEEP',
  },
  {
    name: 'invalid UTF-8 (it got the same vague message as an empty part)',
    formBytes: () => Buffer.concat([Buffer.from('{"id": "form-general", "title": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    code: 'CONTENT_NOT_UTF8',
  },
  { name: 'a zero-length sample image', sample: { bytes: Buffer.alloc(0) }, code: 'SAMPLE_INVALID' },
  { name: 'a sample that says PNG and holds SVG', sample: { bytes: SVG, mediaType: 'image/png' }, code: 'SAMPLE_INVALID' },
  { name: 'a 6 MB sample', sample: { bytes: Buffer.concat([SVG, Buffer.alloc(6 * 1024 * 1024, 0x20)]) }, code: 'SAMPLE_INVALID' },
  { name: 'an SVG sample that is an HTML page', sample: { bytes: Buffer.from('<html><script>alert(1)</script></html>') }, code: 'SAMPLE_INVALID' },
];

/** The sound catalogue every case starts from: one form of three pages, two services. */
function soundCatalogue(): CatalogueDocument {
  return testCatalogue([testService('birth'), testService('marriage')]);
}

function hostileCatalogue(testCase: HostileCase): CatalogueDocument {
  const document = structuredClone(soundCatalogue());
  testCase.change?.(document, document.forms[0]!);
  if (testCase.sample?.mediaType) document.services[0]!.sampleForms[0]!.mediaType = testCase.sample.mediaType;
  return document;
}

/** The administrator's source folder for a catalogue, as `content build` reads it. */
function writeSource(folder: string, testCase: HostileCase): string {
  const document = hostileCatalogue(testCase);
  const write = (file: string, content: unknown) => {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  };
  write('content.json', { version: 2, expiresInDays: 30, minAppVersion: '0.1.0' });
  write('settings.json', document.settings);
  write('categories.json', document.categories);
  write('portal-key.json', document.portalEncryptionKey);
  for (const form of document.forms) write(`forms/${form.id}.json`, form);
  if (testCase.formBytes) write(FORM_FILE, testCase.formBytes());
  for (const service of document.services) {
    write(`services/${service.id}.json`, service);
    for (const sample of service.sampleForms) write(sample.part, service.id === 'birth' && testCase.sample ? testCase.sample.bytes : SVG);
  }
  for (const legal of document.legalTexts) {
    const { body, ...meta } = legal;
    write(`legal/${legal.kind}.json`, meta);
    for (const language of ['ky', 'ru', 'en'] as const) write(`legal/${legal.kind}.${language}.md`, Buffer.from(body[language]));
  }
  return folder;
}

/** The same hostile content as a signed package, as a publisher with the trusted key would make it. */
function hostilePackage(testCase: HostileCase): PackageFiles {
  const files = makePackage({ keys, version: 2, catalogue: hostileCatalogue(testCase) });
  if (!testCase.formBytes && !testCase.sample) return files;
  const parts: PackageFiles = new Map([...files].filter(([path]) => path !== MANIFEST_FILE && !path.startsWith('manifest')));
  if (testCase.formBytes) parts.set(CATALOGUE_PART, testCase.formBytes());
  if (testCase.sample) parts.set('samples/birth.svg', testCase.sample.bytes);
  const now = new Date();
  const manifest = describeParts(parts, { version: 2, created: now, expires: new Date(now.getTime() + 86_400_000), minAppVersion: '0.1.0' });
  return signPackage(new Map([...parts, [MANIFEST_FILE, Buffer.from(JSON.stringify(manifest))]]), keys.signing);
}

let kiosk: KioskHost;
let mediaRoot: string;
let portal: Portal;

// The kiosk and portal live across the cases (a refused package changes nothing), so their folders outlive each test.
let sharedFolder: string;
const longLived = (name: string) => {
  const folder = join(sharedFolder, name);
  mkdirSync(folder, { recursive: true });
  return folder;
};

beforeAll(async () => {
  sharedFolder = mkdtempSync(join(tmpdir(), 'kyzmat-hostile-'));
  mediaRoot = longLived('media');
  kiosk = await startKioskHost({
    dataFolder: longLived('kiosk'),
    appVersion: '1.0.0',
    kioskCode: 'TST1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(longLived('trust'), [keys.anchor]),
    bundledContentFolder: writePackage(longLived('bundled'), makePackage({ keys, version: 1, catalogue: soundCatalogue() })),
    contentPollSeconds: 3600,
    removableMediaRoots: [mediaRoot],
  });
  // The service panel's channels answer a signed-in technician only.
  await signInTechnician(kiosk.router);
  const portalFolder = longLived('portal');
  portal = await startPortal({
    dataFolder: portalFolder,
    adminToken: 'hostile-admin-token',
    trustAnchors: [keys.anchor],
  });
});

afterAll(async () => {
  kiosk?.close();
  await portal?.close();
  rmSync(sharedFolder, { recursive: true, force: true });
});

async function call<T>(channel: string, request: unknown = {}): Promise<T> {
  const result = await kiosk.router.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as T;
}

async function publish(files: PackageFiles): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  const response = await fetch(`${portal.url}${PORTAL_ENDPOINTS.publishContent.path({})}`, {
    method: PORTAL_ENDPOINTS.publishContent.method,
    headers: { Authorization: 'Bearer hostile-admin-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: Object.fromEntries([...files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')])) }),
  });
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe('hostile content packages', () => {
  it('has at least 25 of them, and the sound package they start from passes every door', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    const sound: HostileCase = { name: 'sound', code: 'CONTENT_INVALID' };
    expect(() => buildPackage(writeSource(tempFolder(), sound), new Date())).not.toThrow();
    await expect(verifyPackage(packageReader(hostilePackage(sound)), { trustAnchors: [keys.anchor], currentVersion: 1, appVersion: '1.0.0', now: new Date() })).resolves.toBeDefined();
  });

  it.each(CASES)('refuses $name at build, verify, publish and apply', async (testCase) => {
    const expectedFile = testCase.problem?.file ?? (testCase.formBytes ? FORM_FILE : 'samples/birth.svg');

    // content build: the administrator's source folder.
    let buildError: unknown;
    try {
      buildPackage(writeSource(tempFolder(), testCase), new Date());
    } catch (error) {
      buildError = error;
    }
    expect(buildError).toBeInstanceOf(ContentBuildError);
    const buildMessage = (buildError as ContentBuildError).problems.join('\n');
    expect(buildMessage).toContain(testCase.problem ? `${testCase.problem.file} at ${testCase.problem.path}` : expectedFile);

    // content verify: the signed package, as the CLI and every reader checks it.
    const files = hostilePackage(testCase);
    let rejection: unknown;
    try {
      await verifyPackage(packageReader(files), { trustAnchors: [keys.anchor], currentVersion: 1, appVersion: '1.0.0', now: new Date() });
    } catch (error) {
      rejection = error;
    }
    expect(rejection).toBeInstanceOf(ContentRejection);
    expect((rejection as ContentRejection).code).toBe(testCase.code);
    if (testCase.problem) expect((rejection as ContentRejection).problems[0]).toMatchObject(testCase.problem);
    const packagedFile = testCase.formBytes ? CATALOGUE_PART : expectedFile;
    expect((rejection as ContentRejection).detail).toContain(packagedFile);

    // The portal's publish: refused with the code, naming the file.
    const published = await publish(files);
    expect(published.status).toBe(422);
    expect(published.body.error.code).toBe(testCase.code);
    expect(published.body.error.message).toContain(packagedFile);

    // The kiosk's apply, from a USB stick: refused, recorded with its problem, and the previous content still served.
    const folder = join(mediaRoot, 'stick', 'kyzmat-content');
    rmSync(folder, { recursive: true, force: true });
    writePackage(folder, files);
    const outcome = await call<InstallOutcome>('importContentFromRemovableMedia');
    expect(outcome).toMatchObject({ outcome: 'rejected', code: testCase.code });
    const status = await call<ContentStatus>('getContentStatus');
    expect(status.activeVersion).toBe(1);
    expect(status.events[0]).toMatchObject({ outcome: 'rejected', code: testCase.code, problem: testCase.problem ?? null });
    const services = await call<ServiceSummary[]>('listServices', { language: 'en' });
    expect(services.map((service) => service.id)).toEqual(['birth', 'marriage']);
  });
});
