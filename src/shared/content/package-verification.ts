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
] as const;
export type ContentRejectionCode = (typeof CONTENT_REJECTION_CODES)[number];

export class ContentRejection extends Error {
  constructor(
    readonly code: ContentRejectionCode,
    readonly detail: string,
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
  if (!envelope.success) throw new ContentRejection('SIGNATURE_MALFORMED', `${SIGNATURE_FILE} is not a signature envelope`);
  const anchor = context.trustAnchors.find((candidate) => candidate.keyId === envelope.data.keyId);
  if (!anchor) throw new ContentRejection('KEY_UNTRUSTED', `key ${envelope.data.keyId} is not a trusted content key`);
  if (!(await ed25519Verify(anchor.publicKey, envelope.data.signature, manifestBytes))) {
    throw new ContentRejection('SIGNATURE_INVALID', `the signature does not match ${MANIFEST_FILE} and key ${anchor.keyId}`);
  }

  const parsed = manifestSchema.safeParse(parseJson(manifestBytes));
  if (!parsed.success) throw new ContentRejection('MANIFEST_MALFORMED', describeIssues(parsed.error.issues));
  const manifest = parsed.data;
  if (manifest.keyId !== envelope.data.keyId) {
    throw new ContentRejection('KEY_MISMATCH', `the manifest names key ${manifest.keyId} but was signed with ${envelope.data.keyId}`);
  }
  if (context.currentVersion !== null && manifest.version <= context.currentVersion) {
    throw new ContentRejection('VERSION_NOT_NEWER', `version ${manifest.version} is not newer than ${context.currentVersion}`);
  }
  if (Date.parse(manifest.expires) <= context.now.getTime()) {
    throw new ContentRejection('EXPIRED', `the package expired at ${manifest.expires}`);
  }
  if (compareVersions(manifest.minAppVersion, context.appVersion) > 0) {
    throw new ContentRejection('APP_TOO_OLD', `the package needs app ${manifest.minAppVersion}; this is ${context.appVersion}`);
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

export function parseCatalogue(bytes: Uint8Array): CatalogueDocument {
  const parsed = catalogueDocumentSchema.safeParse(parseJson(bytes));
  if (!parsed.success) throw new ContentRejection('CONTENT_MALFORMED', describeIssues(parsed.error.issues));
  return parsed.data;
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
  const catalogue = parseCatalogue(parts.get(CATALOGUE_PART)!);
  for (const service of catalogue.services) {
    for (const sample of service.sampleForms) {
      if (!parts.has(sample.part)) throw new ContentRejection('CONTENT_MALFORMED', `service ${service.id} shows ${sample.part}, which the manifest lacks`);
    }
  }
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

async function ed25519Verify(publicKeyBase64: string, signatureBase64: string, message: Uint8Array): Promise<boolean> {
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

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
