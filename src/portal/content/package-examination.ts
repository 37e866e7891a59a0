import { checkContentMeaning, describeContentProblem } from '../../shared/content/content-meaning.js';
import { CATALOGUE_PART, catalogueDocumentSchema, MANIFEST_FILE, manifestSchema, SIGNATURE_FILE, type CatalogueDocument, type ContentManifest } from '../../shared/content/content-schema.js';
import {
  checkSampleParts,
  ContentRejection,
  parseContentJson,
  verifyManifest,
  verifyPart,
  type ContentRejectionCode,
  type VerificationContext,
} from '../../shared/content/package-verification.js';
import { MAX_LISTED_PROBLEMS, PART_UNSIGNED_CODE, type PackageProblem } from '../../shared/contract/content-rollout.js';
import type { PackageFiles } from './package-files.js';

/**
 * Every problem of a package that can be found, by file: the verifier a kiosk runs stops at the
 * first, which is right for a kiosk and slow for an administrator fixing a package. This runs the
 * same checks one file (and one sample) at a time and collects what each says, plus the schema's
 * every issue and the meaning check's every problem of catalogue.json. It only reports: a package
 * is published only through ContentLibrary.publish, which verifies it whole, as before.
 */
export async function examinePackage(files: PackageFiles, context: VerificationContext): Promise<PackageProblem[]> {
  const problems: PackageProblem[] = [];
  const add = (problem: Omit<PackageProblem, 'values'> & { values?: PackageProblem['values'] }) => {
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ values: {}, ...problem, message: problem.message.slice(0, 2000) });
  };
  const rejected = (error: unknown, file: string, path = ''): void => {
    if (!(error instanceof ContentRejection)) throw error;
    add({ code: error.code, file, path, message: error.detail });
  };

  let manifest: ContentManifest | undefined;
  try {
    manifest = await verifyManifest(files.get(MANIFEST_FILE) ?? null, files.get(SIGNATURE_FILE) ?? null, context);
  } catch (error) {
    rejected(error, error instanceof ContentRejection && SIGNATURE_CODES.has(error.code) ? SIGNATURE_FILE : MANIFEST_FILE);
    // Refused for a rule checked after the signature held (not newer, expired, needs a newer app): its list of parts is the signed one.
    if (error instanceof ContentRejection && RULES_AFTER_SIGNATURE.has(error.code)) {
      const signedManifest = manifestSchema.safeParse(JSON.parse(Buffer.from(files.get(MANIFEST_FILE)!).toString('utf8')));
      if (signedManifest.success) manifest = signedManifest.data;
    }
  }

  const signed = new Set(manifest?.parts.map((part) => part.path) ?? []);
  if (manifest) {
    for (const part of manifest.parts) {
      try {
        await verifyPart(part, files.get(part.path) ?? null);
      } catch (error) {
        rejected(error, part.path);
      }
    }
    for (const path of files.keys()) {
      if (path !== MANIFEST_FILE && path !== SIGNATURE_FILE && !signed.has(path)) {
        add({ code: PART_UNSIGNED_CODE, file: path, path: '', message: `${path} is in the package but ${MANIFEST_FILE} does not sign it` });
      }
    }
  }

  const catalogueBytes = files.get(CATALOGUE_PART);
  if (!catalogueBytes) {
    if (!manifest || !signed.has(CATALOGUE_PART)) add({ code: 'PART_MISSING', file: CATALOGUE_PART, path: '', message: `${CATALOGUE_PART} is missing` });
    return problems;
  }
  const catalogue = examineCatalogue(catalogueBytes, context, add, rejected);
  if (catalogue) {
    catalogue.services.forEach((service, serviceIndex) =>
      service.sampleForms.forEach((sample, sampleIndex) => {
        // The verifier's own sample check, given one sample at a time so each bad one is named.
        try {
          checkSampleParts({ ...catalogue, services: [{ ...service, sampleForms: [sample] }] }, files);
        } catch (error) {
          rejected(error, sample.part, `services[${serviceIndex}].sampleForms[${sampleIndex}]`);
        }
      }),
    );
  }
  return problems;
}

const SIGNATURE_CODES: ReadonlySet<ContentRejectionCode> = new Set(['SIGNATURE_MISSING', 'SIGNATURE_MALFORMED', 'KEY_UNTRUSTED', 'SIGNATURE_INVALID']);
const RULES_AFTER_SIGNATURE: ReadonlySet<ContentRejectionCode> = new Set(['VERSION_NOT_NEWER', 'EXPIRED', 'APP_TOO_OLD']);

function examineCatalogue(
  bytes: Uint8Array,
  context: VerificationContext,
  add: (problem: Omit<PackageProblem, 'values'> & { values?: PackageProblem['values'] }) => void,
  rejected: (error: unknown, file: string, path?: string) => void,
): CatalogueDocument | undefined {
  let json: unknown;
  try {
    json = parseContentJson(bytes, CATALOGUE_PART);
  } catch (error) {
    rejected(error, CATALOGUE_PART);
    return undefined;
  }
  const parsed = catalogueDocumentSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formatPath(issue.path);
      add({ code: 'CONTENT_MALFORMED', file: CATALOGUE_PART, path, message: `${CATALOGUE_PART}: ${path || '(root)'}: ${issue.message}` });
    }
    return undefined;
  }
  for (const problem of checkContentMeaning(parsed.data, context.now.toISOString().slice(0, 10))) {
    add({ code: 'CONTENT_INVALID', file: CATALOGUE_PART, source: problem.file, path: problem.path, rule: problem.rule, values: problem.values, message: describeContentProblem(problem) });
  }
  return parsed.data;
}

/** A JSON path as the meaning check writes it: `services[2].title.ky`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}
