import { crc32, inflateRawSync } from 'node:zlib';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../shared/content/content-schema.js';
import { MAX_MANIFEST_BYTES, MAX_SAMPLE_BYTES } from '../../shared/content/package-verification.js';
import type { PackageProblem, ZipProblemCode } from '../../shared/contract/content-rollout.js';
import { PACKAGE_FILE_PATH, PORTAL_BODY_LIMITS } from '../../shared/contract/portal.js';
import type { PackageFiles } from './package-files.js';

/**
 * Reads the zip of a content package folder into its files, refusing what a hostile zip could do
 * to the portal or to the package: more bytes than the upload could have carried unpacked (a zip
 * bomb: each entry is inflated until one byte past its declared size and no further, entries may
 * not share or overlap their data, and each CRC-32 is checked), names that climb out of the package (`..`, absolute, backslash, drive letter), links,
 * duplicates, and files outside the package layout. A zip of the folder itself may put every file
 * under one top folder (`pkg/manifest.json`): that one folder is taken off.
 *
 * The central directory is read here rather than through fflate's unzip, because only it says
 * whether an entry is a link (the external attributes), and the declared sizes must be checked
 * before anything is inflated. Every problem of every entry is answered, not just the first.
 */

/** Unpacked, a package may hold what PUT /v1/admin/content could carry: that body limit's worth of base64. */
export const MAX_UNPACKED_BYTES = Math.floor((PORTAL_BODY_LIMITS.contentPublish * 3) / 4);
/** A package's files: the manifest, its signature, the catalogue and the samples (at most 10 per service shown). */
export const MAX_ZIP_ENTRIES = 20_000;
/** The files whose size the verifier caps anyway: refused before they are inflated. */
const FILE_LIMITS: Record<string, number> = { [MANIFEST_FILE]: MAX_MANIFEST_BYTES, [SIGNATURE_FILE]: 4096 };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const FLAG_ENCRYPTED = 0x1;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

export type ZipReading = { ok: true; files: PackageFiles } | { ok: false; problems: PackageProblem[] };

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  host: number;
  mode: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function readPackageZip(zip: Uint8Array): ZipReading {
  const problems: PackageProblem[] = [];
  const problem = (code: ZipProblemCode, file: string, message: string, values: PackageProblem['values'] = {}) =>
    problems.push({ code, file: file.slice(0, 300), path: '', values, message });

  const entries = centralDirectory(zip);
  if (typeof entries === 'string') {
    problem('ZIP_UNREADABLE', '', entries);
    return { ok: false, problems };
  }
  if (entries.length > MAX_ZIP_ENTRIES) {
    problem('ZIP_TOO_MANY_ENTRIES', '', `the zip has ${entries.length} entries; a package may have at most ${MAX_ZIP_ENTRIES}`, { count: entries.length, limit: MAX_ZIP_ENTRIES });
    return { ok: false, problems };
  }

  const files: Entry[] = [];
  for (const entry of entries) {
    const unsafe = unsafeName(entry.name);
    if (unsafe) {
      problem('ZIP_PATH_UNSAFE', entry.name, `${entry.name}: ${unsafe}`);
      continue;
    }
    const type = entry.host === UNIX_HOST ? entry.mode & S_IFMT : 0;
    const directory = entry.name.endsWith('/') || type === S_IFDIR;
    if (directory) {
      // A zip of a folder lists its folders; one that carries data is not a folder.
      if (entry.size > 0) problem('ZIP_ENTRY_NOT_A_FILE', entry.name, `${entry.name} is a folder with data in it`);
      continue;
    }
    if (type !== 0 && type !== S_IFREG) {
      problem('ZIP_ENTRY_NOT_A_FILE', entry.name, `${entry.name} is a link or special file, not a plain file`);
      continue;
    }
    if (entry.flags & FLAG_ENCRYPTED || (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE)) {
      problem('ZIP_ENTRY_UNSUPPORTED', entry.name, `${entry.name} is encrypted or compressed in a way other than stored or deflate`);
      continue;
    }
    files.push(entry);
  }

  const seen = new Set<string>();
  for (const entry of files) {
    if (seen.has(entry.name)) problem('ZIP_DUPLICATE_ENTRY', entry.name, `${entry.name} is in the zip more than once`);
    seen.add(entry.name);
  }
  if (files.length === 0 && problems.length === 0) problem('ZIP_EMPTY', '', 'the zip holds no file');

  const prefix = commonTopFolder(files.map((entry) => entry.name));
  const packagePath = (name: string) => (prefix ? name.slice(prefix.length) : name);
  for (const entry of files) {
    if (!PACKAGE_FILE_PATH.test(packagePath(entry.name))) {
      problem('ZIP_ENTRY_OUTSIDE_LAYOUT', entry.name, `${entry.name} is not a package file (manifest.json, manifest.sig, catalogue.json or samples/<name> in lower case)`);
    }
  }

  for (const entry of files) {
    const limit = FILE_LIMITS[packagePath(entry.name)] ?? (packagePath(entry.name).startsWith('samples/') ? MAX_SAMPLE_BYTES : undefined);
    if (limit !== undefined && entry.size > limit) {
      problem('ZIP_TOO_LARGE', entry.name, `${entry.name} would unpack to ${entry.size} bytes; it may have at most ${limit}`, { size: entry.size, limit });
    }
  }
  const declared = files.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > MAX_UNPACKED_BYTES) {
    problem('ZIP_TOO_LARGE', '', `the files would unpack to ${declared} bytes; a package may have at most ${MAX_UNPACKED_BYTES}`, { size: declared, limit: MAX_UNPACKED_BYTES });
  }
  if (problems.length > 0) return { ok: false, problems };
  // Entries sharing one stream would have it inflated once per entry: a small zip, unbounded work.
  for (const name of overlappingEntries(zip, files)) problem('ZIP_ENTRY_CORRUPT', name, `${name}: its data overlaps another entry's`);
  if (problems.length > 0) return { ok: false, problems };

  const out: PackageFiles = new Map();
  for (const entry of files) {
    const bytes = entryBytes(zip, entry);
    if (typeof bytes === 'string') problem('ZIP_ENTRY_CORRUPT', entry.name, `${entry.name}: ${bytes}`);
    else out.set(packagePath(entry.name), bytes);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: out };
}

/** The central directory's entries, or why it cannot be read. */
function centralDirectory(zip: Uint8Array): Entry[] | string {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let at = zip.length - EOCD_SIZE; at >= Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_SIZE + view.getUint16(at + 20, true) === zip.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return 'not a zip file (no end of central directory)';
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (disk !== 0 || directoryDisk !== 0 || view.getUint16(end + 8, true) !== count) return 'a zip split over several disks';
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return 'a zip64 file (a package never needs one)';
  if (offset + size > end) return 'the central directory lies outside the file';

  const entries: Entry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return 'the central directory is damaged';
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > offset + size) return 'the central directory is damaged';
    let name: string;
    try {
      name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    } catch {
      name = `\uFFFD${Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('latin1')}`;
    }
    const compressedSize = view.getUint32(at + 20, true);
    const entrySize = view.getUint32(at + 24, true);
    if (compressedSize === 0xffffffff || entrySize === 0xffffffff) return 'a zip64 file (a package never needs one)';
    entries.push({
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size: entrySize,
      localOffset: view.getUint32(at + 42, true),
      host: view.getUint8(at + 5),
      mode: view.getUint32(at + 38, true) >>> 16,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Why a name could climb out of the package folder, or undefined for a safe relative name. */
function unsafeName(name: string): string | undefined {
  if (name.startsWith('\uFFFD')) return 'the name is not UTF-8';
  if (name.includes('\\')) return 'the name has a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'the name is an absolute path';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the name has a control character';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return 'the name has a `..`, `.` or empty part';
  return undefined;
}

/** The one folder every file sits in (with its slash), when manifest.json is not at the top itself. */
function commonTopFolder(names: readonly string[]): string | undefined {
  if (names.length === 0 || names.some((name) => !name.includes('/'))) return undefined;
  const first = names[0]!.slice(0, names[0]!.indexOf('/') + 1);
  // A package of samples alone is a package missing its manifest, not a folder called samples.
  return first !== 'samples/' && names.every((name) => name.startsWith(first)) ? first : undefined;
}

/** The entries whose data (local header to the end of their compressed bytes) overlaps another's. */
function overlappingEntries(zip: Uint8Array, entries: readonly Entry[]): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const ranges = entries
    .map((entry) => {
      const local = entry.localOffset;
      const header = local + 30 <= zip.length ? 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true) : 30;
      return { name: entry.name, start: local, end: local + header + entry.compressedSize };
    })
    .sort((a, b) => a.start - b.start);
  const overlapping = new Set<string>();
  for (let index = 1; index < ranges.length; index++) {
    if (ranges[index]!.start < ranges[index - 1]!.end) {
      overlapping.add(ranges[index - 1]!.name);
      overlapping.add(ranges[index]!.name);
    }
  }
  return [...overlapping];
}

/**
 * The entry's bytes, or what is wrong. Inflating stops one byte past the declared size (Node's
 * maxOutputLength ends the work there, where a preallocated buffer would only stop the writes while
 * the decoder ran on through a bomb's gigabytes): a liar is caught, never followed.
 */
function entryBytes(zip: Uint8Array, entry: Entry): Uint8Array | string {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const local = entry.localOffset;
  if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) return 'its local header is missing';
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > zip.length) return 'its data runs past the end of the zip';
  const data = zip.subarray(start, start + entry.compressedSize);
  let bytes: Uint8Array;
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.size) return 'a stored entry whose sizes differ';
    bytes = data;
  } else {
    try {
      const inflated = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      if (inflated.length !== entry.size) return `it inflates to ${inflated.length > entry.size ? 'more' : 'less'} than the ${entry.size} bytes it declares`;
      bytes = inflated;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return `it inflates to more than the ${entry.size} bytes it declares`;
      return 'its data does not inflate';
    }
  }
  if (crc32(bytes) >>> 0 !== entry.crc) return 'its CRC-32 does not match';
  return new Uint8Array(bytes);
}
