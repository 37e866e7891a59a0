import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { PackageReader } from '../../shared/content/package-verification.js';

/** A package's files in memory, path → bytes (manifest.json, manifest.sig, catalogue.json, samples/…). */
export type PackageFiles = Map<string, Uint8Array>;

export function readPackageFolder(folder: string): PackageFiles {
  const files: PackageFiles = new Map();
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(folder, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(folder);
  return files;
}

export function writePackageFolder(folder: string, files: PackageFiles): void {
  for (const [path, bytes] of files) {
    const target = join(folder, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

/** The admin side trusts its own disk; the size cap still applies so verification behaves as on a kiosk. */
export function packageReader(files: PackageFiles): PackageReader {
  return {
    read: (path, maxBytes) => {
      const bytes = files.get(path);
      return Promise.resolve(bytes ? bytes.subarray(0, maxBytes + 1) : null);
    },
  };
}
