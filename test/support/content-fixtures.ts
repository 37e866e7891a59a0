import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueDocument, Service, TrustAnchor } from '../../src/shared/content/content-schema.js';
import { CATALOGUE_PART, MANIFEST_FILE } from '../../src/shared/content/content-schema.js';
import { describeParts, signPackage } from '../../src/portal/content/package-builder.js';
import { writePackageFolder, type PackageFiles } from '../../src/portal/content/package-files.js';
import { generateSigningKey, type SigningKeyFile } from '../../src/portal/content/signing.js';
import { TEST_TECHNICIAN } from './staff-fixtures.js';

const text = (ky: string, ru: string, en: string) => ({ ky, ru, en });

export function testService(id: string, overrides: Partial<Service> = {}): Service {
  return {
    id,
    categoryId: 'civil',
    title: text(`${id} ky`, `${id} ru`, `${id} en`),
    summary: text('кыскача', 'кратко', 'short'),
    description: text('сүрөттөмө', 'описание', 'description'),
    whoMayApply: text('жарандар', 'граждане', 'citizens'),
    agency: text('Кызмат', 'Кызмат', 'Kyzmat'),
    price: { amountSom: 100, assumed: true },
    processingTime: { workingDays: 3, assumed: true },
    urgencyTiers: [],
    requiredDocuments: [{ id: 'passport', title: text('паспорт', 'паспорт', 'passport') }],
    sampleForms: [{ id: `sample-${id}`, title: text('үлгү', 'образец', 'sample'), part: `samples/${id}.svg`, mediaType: 'image/svg+xml' }],
    formId: 'form-general',
    additionalLegalTexts: [],
    ...overrides,
  };
}

export function testCatalogue(services: Service[]): CatalogueDocument {
  return {
    format: 1,
    categories: [{ id: 'civil', icon: 'family', title: text('Жарандык абал', 'Гражданское состояние', 'Civil status'), description: text('д', 'о', 'd') }],
    services,
    forms: [
      {
        id: 'form-general',
        version: 1,
        title: text('арыз', 'заявление', 'application'),
        pages: [
          { id: 'name', fields: [{ id: 'lastName', type: 'text', label: text('Фамилия', 'Фамилия', 'Surname'), required: true, script: 'cyrillic' }] },
          { id: 'pin', fields: [{ id: 'pin', type: 'pin', label: text('ПИН', 'ПИН', 'PIN'), required: true }] },
          { id: 'phone', fields: [{ id: 'phone', type: 'phone', label: text('Телефон', 'Телефон', 'Phone'), required: true }] },
        ],
      },
    ],
    legalTexts: (['privacy-policy', 'user-agreement', 'certification-centre-policy'] as const).map((kind) => ({
      kind,
      version: '1',
      officialLanguage: 'ky' as const,
      title: text(kind, kind, kind),
      body: text('текст', 'текст', 'text'),
    })),
    settings: {
      officeName: text('Тест кеңсеси', 'Тестовый офис', 'Test office'),
      visitorIdleSeconds: 120,
      idleWarningSeconds: 30,
      clerkIdleSeconds: 900,
      contentPollSeconds: 300,
      support: { email: 'help@example.kg', phone: '+996 (312) 98 61 41', hours: text('9–18', '9–18', '9–18') },
    },
    portalEncryptionKey: { keyId: 'test-portal', suite: 'X25519-HKDF-SHA256-AES-256-GCM', publicKey: 'ymSKDh8obO7p3R5hEIBexJzwTDkO8ZBBMqF_CQIdfj0' },
    // A technician, so tests can sign in to use the service panel's channels.
    staff: [TEST_TECHNICIAN],
  };
}

export interface TestKeys {
  signing: SigningKeyFile;
  anchor: TrustAnchor;
}

export function testKeys(keyId = 'test-key-a'): TestKeys {
  const { privateKey, publicKey } = generateSigningKey(keyId);
  return { signing: privateKey, anchor: publicKey };
}

/** A signed package in memory; change its files afterwards to make a bad one. */
export function makePackage(options: {
  keys: TestKeys;
  version: number;
  services?: Service[];
  catalogue?: CatalogueDocument;
  now?: Date;
  expires?: Date;
  minAppVersion?: string;
}): PackageFiles {
  const services = options.services ?? [testService('birth'), testService('marriage')];
  const catalogue = options.catalogue ?? testCatalogue(services);
  const parts: PackageFiles = new Map([[CATALOGUE_PART, Buffer.from(JSON.stringify(catalogue))]]);
  for (const service of catalogue.services) {
    for (const sample of service.sampleForms) {
      parts.set(sample.part, Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><text>${service.id}</text></svg>`));
    }
  }
  const now = options.now ?? new Date();
  const manifest = describeParts(parts, {
    version: options.version,
    created: now,
    expires: options.expires ?? new Date(now.getTime() + 30 * 86_400_000),
    minAppVersion: options.minAppVersion ?? '0.1.0',
  });
  const files: PackageFiles = new Map(parts);
  files.set(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2)));
  return signPackage(files, options.keys.signing);
}

export function writeTrustAnchors(folder: string, anchors: TrustAnchor[]): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'content-keys.json');
  writeFileSync(file, JSON.stringify(anchors));
  return file;
}

export function writePackage(folder: string, files: PackageFiles): string {
  writePackageFolder(folder, files);
  return folder;
}
