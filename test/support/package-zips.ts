import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';
import type { PackageFiles } from '../../src/portal/content/package-files.js';

/** One entry of a zip as a test wants it, lies included: a declared size or CRC that is not the data's, a link's mode. */
export interface ZipEntrySpec {
  name: string;
  data?: Uint8Array;
  /** 0 stored, 8 deflate (default). */
  method?: number;
  /** The uncompressed size the entry claims (default: the data's). */
  declaredSize?: number;
  crc?: number;
  /** A Unix mode for the external attributes (0o100644 a file, 0o120777 a link, 0o040755 a folder). */
  unixMode?: number;
  flags?: number;
  /** Write no data of its own: the central entry points at the local header and data of the entry with this index. */
  sharesDataWith?: number;
}

/**
 * A zip written byte by byte, so a test can make the zips no archiver would: two entries with one
 * name, `../` names, links, sizes that lie. Local headers, central directory, end record.
 */
export function rawZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const written: { offset: number; stored: number; crc: number; size: number; method: number }[] = [];
  for (const entry of entries) {
    const shared = entry.sharesDataWith === undefined ? undefined : written[entry.sharesDataWith];
    if (shared) {
      const name = Buffer.from(entry.name, 'utf8');
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE((3 << 8) | 20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x800, 8);
      central.writeUInt16LE(shared.method, 10);
      central.writeUInt32LE(shared.crc, 16);
      central.writeUInt32LE(shared.stored, 20);
      central.writeUInt32LE(shared.size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      central.writeUInt32LE(shared.offset, 42);
      centrals.push(central, name);
      written.push(shared);
      continue;
    }
    const data = entry.data ?? new Uint8Array(0);
    const method = entry.method ?? (entry.name.endsWith('/') ? 0 : 8);
    const stored = method === 8 ? Buffer.from(deflateSync(data)) : Buffer.from(data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.crc ?? crc32(data) >>> 0;
    const size = entry.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((entry.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE((entry.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? (entry.name.endsWith('/') ? 0o040755 : 0o100644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    written.push({ offset, stored: stored.length, crc, size, method });
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The zip of a package folder as an archiver makes it: the folder, its samples folder, then each file under it. */
export function packageZip(files: PackageFiles, folder: string | null = 'pkg'): Uint8Array {
  const prefix = folder ? `${folder}/` : '';
  const folders = folder ? [{ name: prefix }, { name: `${prefix}samples/` }] : [];
  return rawZip([...folders, ...[...files].map(([path, data]) => ({ name: `${prefix}${path}`, data }))]);
}
