// Child process for the crash test: applies the prepared packages one after another, as fast as
// it can, until the parent kills it. Runs the built host code (dist/), the code a kiosk runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../dist/main/core/storage/database.js';
import { ContentStore } from '../../dist/main/core/content/content-store.js';
import { ContentService } from '../../dist/main/core/content/content-service.js';
import { folderPackageReader } from '../../dist/main/core/content/folder-package-reader.js';

const [databaseFile, packagesFolder, anchorsFile, fromVersion, toVersion] = process.argv.slice(2);
const db = openDatabase(databaseFile);
const store = new ContentStore(db);
const silent = { info() {}, warn() {}, error() {} };
const service = new ContentService({
  store,
  trustAnchors: JSON.parse(readFileSync(anchorsFile, 'utf8')),
  appVersion: '1.0.0',
  clock: () => new Date(),
  log: silent,
  onApplied: (version) => process.stdout.write(`applied ${version}\n`),
});
process.stdout.write('ready\n');
for (let version = Number(fromVersion); version <= Number(toVersion); version++) {
  const outcome = await service.install(folderPackageReader(join(packagesFolder, String(version))), 'folder');
  if (outcome.outcome !== 'applied' && !(outcome.outcome === 'rejected' && outcome.code === 'VERSION_NOT_NEWER')) {
    process.stdout.write(`unexpected ${JSON.stringify(outcome)}\n`);
  }
}
process.stdout.write('done\n');
