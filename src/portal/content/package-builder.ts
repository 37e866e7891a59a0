import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  CATALOGUE_PART,
  CONTENT_FORMAT,
  LEGAL_TEXT_KINDS,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  categorySchema,
  kioskSettingsSchema,
  legalTextSchema,
  portalEncryptionKeySchema,
  portalEncryptionNextKeySchema,
  serviceSchema,
  type CatalogueDocument,
  type ContentManifest,
} from '../../shared/content/content-schema.js';
import { describeContentProblem } from '../../shared/content/content-meaning.js';
import { ContentRejection, checkCatalogue, checkSampleParts, parseContentJson } from '../../shared/content/package-verification.js';
import { staffListSchema, staffRecordSchema } from '../../shared/content/staff-schema.js';
import { formDefinitionSchema } from '../../shared/forms/form-schema.js';
import { LANGUAGES } from '../../shared/domain/languages.js';
import type { PackageFiles } from './package-files.js';
import { signBytes, type SigningKeyFile, loadSigningKey } from './signing.js';

/** A source problem, named by file and field, so an administrator can fix it without reading code. */
export class ContentBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`the content source has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'ContentBuildError';
  }
}

const sourceSettingsSchema = z.object({
  version: z.number().int().positive(),
  expiresInDays: z.number().int().min(1).max(3650),
  minAppVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
});

const legalMetaSchema = legalTextSchema.omit({ body: true });

const UNSIGNED_KEY_ID = 'unsigned';
const STAFF_FILE = 'staff.json';
/** Beside portal-key.json ahead of a rotation: the key kiosks move to at its usableFrom. */
export const NEXT_PORTAL_KEY_FILE = 'portal-next-key.json';
/**
 * The staff source refuses fields a record does not have, where the package would drop them
 * quietly: a PIN typed in clear beside its hash must be noticed, not left in the folder.
 */
const staffSourceSchema = z.array(z.strictObject(staffRecordSchema.shape)).pipe(staffListSchema);

/**
 * Builds an unsigned package from an administrator's source folder:
 *   content.json, settings.json, categories.json, portal-key.json, forms/<id>.json,
 *   services/<id>.json, samples/<file>, legal/<kind>.json + legal/<kind>.<ky|ru|en>.md,
 *   and optionally staff.json: the staff who may sign in, each PIN already hashed
 *   (`content hash-pin`), so that no PIN is ever kept in clear in a source folder.
 */
export function buildPackage(sourceFolder: string, now: Date, overrides: { version?: number } = {}): PackageFiles {
  const problems: string[] = [];
  const read = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const path = join(sourceFolder, file);
    if (!existsSync(path)) {
      problems.push(`${file}: the file is missing`);
      return undefined;
    }
    let json: unknown;
    try {
      json = parseContentJson(readFileSync(path), file);
    } catch (error) {
      problems.push(error instanceof ContentRejection ? error.detail : `${file}: ${(error as Error).message}`);
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      return undefined;
    }
    return parsed.data;
  };

  const source = read('content.json', sourceSettingsSchema);
  const settings = read('settings.json', kioskSettingsSchema);
  const categories = read('categories.json', z.array(categorySchema));
  const formFiles = listFiles(join(sourceFolder, 'forms')).filter((name) => name.endsWith('.json'));
  if (formFiles.length === 0) problems.push('forms/: no form files');
  const forms = formFiles.map((name) => {
    const form = read(`forms/${name}`, formDefinitionSchema);
    if (form && `${form.id}.json` !== name) problems.push(`forms/${name}: id: the id must match the file name`);
    return form;
  });
  const portalEncryptionKey = read('portal-key.json', portalEncryptionKeySchema);
  // Present only ahead of a rotation (README, "Rotating the portal key").
  const portalEncryptionNextKey = existsSync(join(sourceFolder, NEXT_PORTAL_KEY_FILE)) ? read(NEXT_PORTAL_KEY_FILE, portalEncryptionNextKeySchema) : undefined;
  const staff = existsSync(join(sourceFolder, STAFF_FILE)) ? read(STAFF_FILE, staffSourceSchema) : [];
  const serviceFiles = listFiles(join(sourceFolder, 'services')).filter((name) => name.endsWith('.json'));
  if (serviceFiles.length === 0) problems.push('services/: no service files');
  const services = serviceFiles.map((name) => ({ file: `services/${name}`, service: read(`services/${name}`, serviceSchema) }));

  const legalTexts = LEGAL_TEXT_KINDS.map((kind) => {
    const meta = read(`legal/${kind}.json`, legalMetaSchema);
    const body = Object.fromEntries(
      LANGUAGES.map((language) => {
        const file = `legal/${kind}.${language}.md`;
        const path = join(sourceFolder, file);
        const text = existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
        if (!text) problems.push(`${file}: the ${language} text is missing`);
        return [language, text];
      }),
    ) as Record<(typeof LANGUAGES)[number], string>;
    return meta ? { ...meta, body } : undefined;
  });

  const parts: PackageFiles = new Map();
  const formIds = new Set(forms.map((form) => form?.id));
  const categoryIds = new Set(categories?.map((category) => category.id));
  for (const { file, service } of services) {
    if (!service) continue;
    if (`${service.id}.json` !== file.slice('services/'.length)) problems.push(`${file}: id: the id must match the file name`);
    if (!formIds.has(service.formId)) problems.push(`${file}: formId: unknown form id ${service.formId}`);
    if (categories && !categoryIds.has(service.categoryId)) problems.push(`${file}: categoryId: unknown category ${service.categoryId}`);
    service.sampleForms.forEach((sample, index) => {
      const path = join(sourceFolder, ...sample.part.split('/'));
      if (!existsSync(path)) problems.push(`${file}: sampleForms.${index}.part: ${sample.part} does not exist`);
      else parts.set(sample.part, readFileSync(path));
    });
  }
  if (problems.length > 0) throw new ContentBuildError(problems);

  const catalogue: CatalogueDocument = {
    format: CONTENT_FORMAT,
    categories: categories!,
    services: services.map(({ service }) => service!),
    forms: forms.map((form) => form!),
    legalTexts: legalTexts.map((text) => text!),
    settings: settings!,
    portalEncryptionKey: portalEncryptionKey!,
    ...(portalEncryptionNextKey ? { portalEncryptionNextKey } : {}),
    staff: staff!,
  };
  const catalogueBytes = Buffer.from(JSON.stringify(catalogue));
  // The very check every reader of the package runs: what builds here, verifies and applies everywhere.
  try {
    checkSampleParts(checkCatalogue(catalogueBytes, now.toISOString().slice(0, 10)), parts);
  } catch (error) {
    if (!(error instanceof ContentRejection)) throw error;
    throw new ContentBuildError(error.problems.length > 0 ? error.problems.map(describeContentProblem) : [`catalogue: ${error.detail}`]);
  }
  parts.set(CATALOGUE_PART, catalogueBytes);
  const version = overrides.version ?? source!.version;
  const manifest = describeParts(parts, {
    version,
    created: now,
    expires: new Date(now.getTime() + source!.expiresInDays * 86_400_000),
    minAppVersion: source!.minAppVersion,
  });
  const files: PackageFiles = new Map(parts);
  files.set(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2)));
  return files;
}

/** The manifest for a set of parts: their sizes and SHA-256 digests, sorted by path. */
export function describeParts(
  parts: PackageFiles,
  meta: { version: number; created: Date; expires: Date; minAppVersion: string },
): ContentManifest {
  return {
    format: CONTENT_FORMAT,
    version: meta.version,
    created: meta.created.toISOString(),
    expires: meta.expires.toISOString(),
    minAppVersion: meta.minAppVersion,
    keyId: UNSIGNED_KEY_ID,
    parts: [...parts.keys()].sort().map((path) => ({
      path,
      size: parts.get(path)!.length,
      sha256: createHash('sha256').update(parts.get(path)!).digest('hex'),
    })),
  };
}

/** Names the signing key in the manifest (so the signature covers it) and adds the detached signature. */
export function signPackage(files: PackageFiles, key: SigningKeyFile): PackageFiles {
  const manifestBytes = files.get(MANIFEST_FILE);
  if (!manifestBytes) throw new ContentBuildError([`${MANIFEST_FILE}: the file is missing; run build first`]);
  const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as ContentManifest;
  const signed = Buffer.from(JSON.stringify({ ...manifest, keyId: key.keyId }, null, 2));
  const envelope = signBytes(key.keyId, loadSigningKey(key), signed);
  const out: PackageFiles = new Map(files);
  out.set(MANIFEST_FILE, signed);
  out.set(SIGNATURE_FILE, Buffer.from(JSON.stringify(envelope, null, 2)));
  return out;
}

function listFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}
