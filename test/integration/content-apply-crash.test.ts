import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/storage/database.js';
import { ContentStore } from '../../src/main/core/content/content-store.js';
import { manifestSchema } from '../../src/shared/content/content-schema.js';
import { parseCatalogue } from '../../src/shared/content/package-verification.js';
import { makePackage, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const CHILD = 'test/support/apply-packages-child.mjs';

/** Many services make each apply a real stretch of disk work, so a kill lands inside one. */
const bigServices = (version: number) =>
  Array.from({ length: 1500 }, (_, index) => testService(`v${version}-service-${index}`, { sampleForms: [] }));

describe('a kiosk killed while applying content', () => {
  it('always comes back with exactly one whole package, old or new, never a mix', { timeout: 120_000 }, async () => {
    expect(existsSync('dist/main/core/content/content-service.js'), 'run `npm run build` first: the child runs the built host').toBe(true);
    const keys = testKeys('crash-key');
    const anchors = writeTrustAnchors(tempFolder(), [keys.anchor]);
    const packages = tempFolder();
    const LAST = 12;
    for (let version = 1; version <= LAST; version++) {
      writePackage(join(packages, String(version)), makePackage({ keys, version, services: bigServices(version) }));
    }
    const databaseFile = join(tempFolder(), 'kiosk.sqlite');
    openDatabase(databaseFile).close();

    let kills = 0;
    let applied = 0;
    for (let round = 0; round < 20 && applied < LAST; round++) {
      const child = spawn(process.execPath, [CHILD, databaseFile, packages, anchors, '1', String(LAST)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // Kill at a random moment inside the next few applies.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 250));
      if (child.kill('SIGKILL')) kills++;
      await exited;
      expect(output).not.toContain('unexpected');

      const db = openDatabase(databaseFile);
      const store = new ContentStore(db);
      const active = db.prepare<[], { version: number; manifest: Buffer }>('SELECT version, manifest FROM content_package WHERE is_active = 1').all();
      if (active.length > 0) {
        expect(active).toHaveLength(1);
        const manifest = manifestSchema.parse(JSON.parse(active[0]!.manifest.toString('utf8')));
        for (const part of manifest.parts) {
          const bytes = store.readActivePart(part.path);
          expect(bytes, part.path).toBeDefined();
          expect(createHash('sha256').update(bytes!).digest('hex')).toBe(part.sha256);
        }
        const catalogue = parseCatalogue(store.activeCatalogueBytes()!);
        // Every service of the active catalogue belongs to the active version: no mixture.
        expect(catalogue.services.every((service) => service.id.startsWith(`v${active[0]!.version}-`))).toBe(true);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        applied = active[0]!.version;
      }
      db.close();
    }
    expect(kills).toBeGreaterThan(0);
  });
});
