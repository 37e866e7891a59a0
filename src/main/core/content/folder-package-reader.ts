import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageReader } from '../../../shared/content/package-verification.js';

/**
 * Reads a package from a folder (the bundled package, or a USB stick) without ever reading more
 * than the signed size plus one byte, so an oversized or endless file cannot exhaust the kiosk.
 * Paths come from the signed manifest, whose schema already refuses `..` and absolute paths.
 */
export function folderPackageReader(folder: string): PackageReader {
  return {
    read: (path, maxBytes) => Promise.resolve(readCapped(join(folder, ...path.split('/')), maxBytes + 1)),
  };
}

function readCapped(file: string, limit: number): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    const parts: Buffer[] = [];
    let length = 0;
    while (length < limit) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, limit - length), null);
      if (read === 0) break;
      parts.push(Buffer.from(chunk.subarray(0, read)));
      length += read;
    }
    return Buffer.concat(parts, length);
  } finally {
    closeSync(fd);
  }
}
