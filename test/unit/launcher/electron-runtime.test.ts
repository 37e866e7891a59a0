import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronExecutable } from '../../../src/main/launcher/electron-runtime.js';
import { useTempFolder } from '../../support/temp-folder.js';

const tempFolder = useTempFolder();

describe('Electron runtime detection', () => {
  it('reports the runtime missing when the package has no binary (as on this machine)', () => {
    const root = tempFolder();
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronExecutable(root, {})).toBeUndefined();
    expect(findElectronExecutable(tempFolder(), {})).toBeUndefined();
  });

  it('finds the binary the electron package points at', () => {
    const root = tempFolder();
    const dist = join(root, 'node_modules', 'electron', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    writeFileSync(join(dist, 'electron'), '');
    chmodSync(join(dist, 'electron'), 0o755);
    expect(findElectronExecutable(root, {})).toBe(join(dist, 'electron'));
  });
});
