import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../../shared/content/content-schema.js';

/** The folder name an administrator puts on a USB stick; the kiosk looks for it under the mount roots. */
export const REMOVABLE_CONTENT_FOLDER = 'kyzmat-content';

export function defaultMountRoots(platform = process.platform): string[] {
  if (platform === 'win32') return 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((drive) => `${drive}:\\`);
  if (platform === 'darwin') return ['/Volumes'];
  return ['/media', '/run/media', '/mnt'];
}

/** Finds `kyzmat-content/manifest.json` up to three folders below each mount root (e.g. /media/<user>/<stick>/). */
export function findRemovableContent(roots: readonly string[]): string | undefined {
  const visit = (folder: string, depth: number): string | undefined => {
    const candidate = join(folder, REMOVABLE_CONTENT_FOLDER);
    if (existsSync(join(candidate, MANIFEST_FILE))) return candidate;
    if (depth === 0) return undefined;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return undefined;
    }
    for (const name of names) {
      const child = join(folder, name);
      try {
        if (!statSync(child).isDirectory()) continue;
      } catch {
        continue;
      }
      const found = visit(child, depth - 1);
      if (found) return found;
    }
    return undefined;
  };
  for (const root of roots) {
    const found = existsSync(root) ? visit(root, 3) : undefined;
    if (found) return found;
  }
  return undefined;
}
