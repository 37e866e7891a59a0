import {
  CATALOGUE_PART,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  catalogueDocumentSchema,
  manifestSchema,
  signatureEnvelopeSchema,
  type CatalogueDocument,
  type ContentManifest,
  type TrustAnchor,
} from './content-schema.js';
import { checkContentMeaning, describeContentProblem, type ContentProblem } from './content-meaning.js';

/**
 * Why a content package was refused. Each cause has its own code so an administrator (and a
 * test) can tell a tampered part from a rollback from an expired package.
 */
export const CONTENT_REJECTION_CODES = [
  'SIGNATURE_MISSING',
  'SIGNATURE_MALFORMED',
  'KEY_UNTRUSTED',
  'SIGNATURE_INVALID',
  'MANIFEST_MALFORMED',
  'KEY_MISMATCH',
  'VERSION_NOT_NEWER',
  'EXPIRED',
  'APP_TOO_OLD',
  'PART_MISSING',
  'PART_SIZE_MISMATCH',
  'PART_HASH_MISMATCH',
  'CONTENT_MALFORMED',
  /** catalogue.json (or an SVG sample) is not valid UTF-8. */
  'CONTENT_NOT_UTF8',
  /** JSON nested deeper than any catalogue needs: refused before parsing can exhaust the stack. */
  'CONTENT_TOO_DEEP',
  /** The schema holds but the meaning does not: a form no visitor could finish, a rule that cannot run. */
  'CONTENT_INVALID',
  /** A sample image that is empty or not of the type it declares. */
  'SAMPLE_INVALID',
] as const;
export type ContentRejectionCode = (typeof CONTENT_REJECTION_CODES)[number];

export class ContentRejection extends Error {
  constructor(
    readonly code: ContentRejectionCode,
    readonly detail: string,
    /** For CONTENT_INVALID: each problem with its file, path, rule and values, for a translated reason. */
    readonly problems: readonly ContentProblem[] = [],
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ContentRejection';
  }
}

/** Reads a file of a package; returns at most `maxBytes + 1` bytes so an oversized part is caught without reading it all. */
export interface PackageReader {
  read(path: string, maxBytes: number): Promise<Uint8Array | null>;
}

export interface VerificationContext {
  trustAnchors: readonly TrustAnchor[];
  /** The version the kiosk serves now, or null before its first package. */
  currentVersion: number | null;
  appVersion: string;
  now: Date;
}

export interface VerifiedPackage {
  manifest: ContentManifest;
  manifestBytes: Uint8Array;
  signatureBytes: Uint8Array;
  parts: Map<string, Uint8Array>;
  catalogue: CatalogueDocument;
}

export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 4096;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks the detached signature over the manifest's exact bytes against the bundled trust anchors
 * BEFORE the manifest is parsed, then the rollback, freeze and app-version rules. Throws
 * ContentRejection; returns the manifest only when all of it holds.
 */
export async function verifyManifest(
  manifestBytes: Uint8Array | null,
  signatureBytes: Uint8Array | null,
  context: VerificationContext,
): Promise<ContentManifest> {
  if (!signatureBytes || signatureBytes.length === 0) throw new ContentRejection('SIGNATURE_MISSING', `${SIGNATURE_FILE} is missing`);
  if (!manifestBytes) throw new ContentRejection('MANIFEST_MALFORMED', `${MANIFEST_FILE} is missing`);
  if (manifestBytes.length > MAX_MANIFEST_BYTES) throw new ContentRejection('MANIFEST_MALFORMED', `${MANIFEST_FILE} is too large`);
  if (signatureBytes.length > MAX_SIGNATURE_BYTES) throw new ContentRejection('SIGNATURE_MALFORMED', `${SIGNATURE_FILE} is too large`);

  const envelope = signatureEnvelopeSchema.safeParse(parseJson(signatureBytes));
  if (!envelope.success) throw new ContentRejection('SIGNATURE_MALFORMED', `${SIGNATURE_FILE}: not a signature envelope`);
  const anchor = context.trustAnchors.find((candidate) => candidate.keyId === envelope.data.keyId);
  if (!anchor) throw new ContentRejection('KEY_UNTRUSTED', `${SIGNATURE_FILE}: key ${envelope.data.keyId} is not a trusted content key`);
  if (!(await ed25519Verify(anchor.publicKey, envelope.data.signature, manifestBytes))) {
    throw new ContentRejection('SIGNATURE_INVALID', `${SIGNATURE_FILE}: the signature does not match ${MANIFEST_FILE} and key ${anchor.keyId}`);
  }

  const parsed = manifestSchema.safeParse(parseJson(manifestBytes));
  if (!parsed.success) throw new ContentRejection('MANIFEST_MALFORMED', `${MANIFEST_FILE}: ${describeIssues(parsed.error.issues)}`);
  const manifest = parsed.data;
  if (manifest.keyId !== envelope.data.keyId) {
    throw new ContentRejection('KEY_MISMATCH', `${MANIFEST_FILE}: names key ${manifest.keyId} but ${SIGNATURE_FILE} is by ${envelope.data.keyId}`);
  }
  if (context.currentVersion !== null && manifest.version <= context.currentVersion) {
    throw new ContentRejection('VERSION_NOT_NEWER', `${MANIFEST_FILE}: version ${manifest.version} is not newer than ${context.currentVersion}`);
  }
  if (Date.parse(manifest.expires) <= context.now.getTime()) {
    throw new ContentRejection('EXPIRED', `${MANIFEST_FILE}: the package expired at ${manifest.expires}`);
  }
  if (compareVersions(manifest.minAppVersion, context.appVersion) > 0) {
    throw new ContentRejection('APP_TOO_OLD', `${MANIFEST_FILE}: the package needs app ${manifest.minAppVersion}; this is ${context.appVersion}`);
  }
  return manifest;
}

/** Checks one part against the size and SHA-256 the signed manifest gives for it. */
export async function verifyPart(part: ContentManifest['parts'][number], bytes: Uint8Array | null): Promise<Uint8Array> {
  if (!bytes) throw new ContentRejection('PART_MISSING', `${part.path} is missing`);
  if (bytes.length !== part.size) {
    throw new ContentRejection('PART_SIZE_MISMATCH', `${part.path} is ${bytes.length > part.size ? 'larger' : 'smaller'} than signed (${part.size} bytes)`);
  }
  if ((await sha256Hex(bytes)) !== part.sha256) throw new ContentRejection('PART_HASH_MISMATCH', `${part.path} does not match its signed hash`);
  return bytes;
}

/** Deepest JSON nesting a catalogue may have: its deepest rule (32 operators) needs about 75 levels. */
export const MAX_CATALOGUE_JSON_DEPTH = 100;

/**
 * A content JSON file (the catalogue, or a source file at build): strict UTF-8, nesting checked by
 * a scan before anything recursive (JSON.parse, the schema) sees it.
 */
export function parseContentJson(bytes: Uint8Array, path: string): unknown {
  const text = decodeText(bytes, path);
  if (jsonDepth(text) > MAX_CATALOGUE_JSON_DEPTH) {
    throw new ContentRejection('CONTENT_TOO_DEEP', `${path} nests more than ${MAX_CATALOGUE_JSON_DEPTH} levels deep`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContentRejection('CONTENT_MALFORMED', `${path} is not JSON (${error instanceof Error ? error.message : 'unreadable'})`);
  }
}

/** The catalogue's schema only: for a package this kiosk already verified and stored. */
export function parseCatalogue(bytes: Uint8Array): CatalogueDocument {
  const parsed = catalogueDocumentSchema.safeParse(parseContentJson(bytes, CATALOGUE_PART));
  if (!parsed.success) throw new ContentRejection('CONTENT_MALFORMED', `${CATALOGUE_PART}: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/**
 * The catalogue's schema and meaning: what `content build`, `content verify`, the portal's publish
 * and the kiosk's apply all check before they accept a package.
 */
export function checkCatalogue(bytes: Uint8Array, today?: string): CatalogueDocument {
  const catalogue = parseCatalogue(bytes);
  const problems = checkContentMeaning(catalogue, today);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map(describeContentProblem).join('; ');
    throw new ContentRejection('CONTENT_INVALID', problems.length > 5 ? `${shown}; and ${problems.length - 5} more` : shown, problems);
  }
  return catalogue;
}

/** A sample is a page shown on screen: a few hundred kilobytes; more would only slow the kiosk that opens it. */
export const MAX_SAMPLE_BYTES = 5 * 1024 * 1024;

/** The sample parts the catalogue shows exist, are not empty, and are what their media type says. */
export function checkSampleParts(catalogue: CatalogueDocument, parts: ReadonlyMap<string, Uint8Array>): void {
  for (const service of catalogue.services) {
    for (const sample of service.sampleForms) {
      const bytes = parts.get(sample.part);
      if (!bytes) throw new ContentRejection('CONTENT_MALFORMED', `service ${service.id} shows ${sample.part}, which the manifest lacks`);
      if (bytes.length === 0) throw new ContentRejection('SAMPLE_INVALID', `${sample.part} is empty`);
      if (bytes.length > MAX_SAMPLE_BYTES) {
        throw new ContentRejection('SAMPLE_INVALID', `${sample.part} is ${bytes.length} bytes; a sample may have at most ${MAX_SAMPLE_BYTES}`);
      }
      if (!looksLike(sample.mediaType, bytes, sample.part)) {
        throw new ContentRejection('SAMPLE_INVALID', `${sample.part} is not ${sample.mediaType}`);
      }
    }
  }
}

/**
 * The whole check of a package in a reader: signature, rules, every part, then the catalogue's
 * schema. `onManifestVerified` lets a downloader learn the signed sizes (for its progress bar)
 * before any part is fetched.
 */
export async function verifyPackage(
  reader: PackageReader,
  context: VerificationContext,
  onManifestVerified?: (manifest: ContentManifest) => void,
): Promise<VerifiedPackage> {
  const signatureBytes = await reader.read(SIGNATURE_FILE, MAX_SIGNATURE_BYTES);
  const manifestBytes = await reader.read(MANIFEST_FILE, MAX_MANIFEST_BYTES);
  const manifest = await verifyManifest(manifestBytes, signatureBytes, context);
  onManifestVerified?.(manifest);
  const parts = new Map<string, Uint8Array>();
  for (const part of manifest.parts) {
    parts.set(part.path, await verifyPart(part, await reader.read(part.path, part.size)));
  }
  const catalogue = checkCatalogue(parts.get(CATALOGUE_PART)!, isoDate(context.now));
  checkSampleParts(catalogue, parts);
  return { manifest, manifestBytes: manifestBytes!, signatureBytes: signatureBytes!, parts, catalogue };
}

/** Numeric x.y.z comparison: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Ed25519 through Web Crypto (no Buffer in this layer); false for any key or signature that cannot be read. */
export async function ed25519Verify(publicKeyBase64: string, signatureBase64: string, message: Uint8Array): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKeyBase64), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signatureBase64), message as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** JSON of a small, fixed-shape file (manifest, signature), or undefined when it is not JSON. */
function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function decodeText(bytes: Uint8Array, path: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ContentRejection('CONTENT_NOT_UTF8', `${path} is not valid UTF-8 text`);
  }
}

/** The deepest nesting of arrays and objects, found by scanning (strings skipped), never by recursion. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 0x5c) index++;
      else if (character === 0x22) inString = false;
    } else if (character === 0x22) inString = true;
    else if (character === 0x7b || character === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (character === 0x7d || character === 0x5d) depth--;
  }
  return deepest;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ASCII = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** The file's own signature agrees with its declared media type; an SVG is UTF-8 text whose first element is <svg>. */
function looksLike(mediaType: string, bytes: Uint8Array, path: string): boolean {
  switch (mediaType) {
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'image/webp':
      return startsWith(bytes, ASCII('RIFF')) && startsWith(bytes, ASCII('WEBP'), 8);
    case 'image/svg+xml': {
      const text = decodeText(bytes, path).replace(/^\uFEFF/, '');
      const withoutProlog = text.replace(/^\s*(<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s)*/i, '');
      return /^<svg[\s>]/i.test(withoutProlog);
    }
    default:
      return false;
  }
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
