import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeVersionProblem } from './node-version.js';

/*
 * `node dist/main/launcher/start.js`: checks the Node it runs on before anything loads the
 * database's native module, which crashes an older Node with a segfault and no word of why.
 * The launcher itself is run.ts, loaded only once the Node is right.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const engines = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines;
const problem = nodeVersionProblem(process.versions.node, engines?.node ?? '');
if (problem) {
  console.error(problem);
  process.exit(2);
}
await import('./run.js');
