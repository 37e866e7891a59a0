import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoTrustFindings } from '../shell-common/release-trust.js';

/*
 * `npm run dist` runs this before electron-builder: a build that trusts the repository's demo keys
 * is refused unless KIOSK_DEMO_BUILD=1 says it is a demo on purpose (such a kiosk shows its demo
 * mark on every screen). The key ceremony in the README says how to replace them.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const findings = demoTrustFindings(join(projectRoot, 'resources'), join(projectRoot, 'dist', 'content-bundle'));
if (findings.length > 0 && process.env.KIOSK_DEMO_BUILD !== '1') {
  console.error('Release refused: it would trust keys whose private halves are in the repository.');
  for (const finding of findings) console.error(`  - ${finding}`);
  console.error('Replace them (README, "Production keys"), or set KIOSK_DEMO_BUILD=1 to package a demo.');
  process.exit(2);
}
if (findings.length > 0) console.log(`Packaging a DEMO build (KIOSK_DEMO_BUILD=1): ${findings.length} demo keys trusted; the kiosk shows its demo mark.`);
