// The Electron shell under Electronegativity, offline, as part of npm test. The tool exits 0
// whatever it finds, so this reads the scanner's findings (electronegativity-scan.mjs prints them):
// any finding above LOW that is not in electronegativity-suppressions.json (each with its reason)
// fails, as does a scan that did not finish, ran no checks or could not read a file. Suppressions that no longer match a finding fail too, so the list
// stays true.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const { suppressions } = JSON.parse(readFileSync(new URL('./electronegativity-suppressions.json', import.meta.url), 'utf8'));
// The shell's two parts in one scan, since the global checks (navigation limits, the permission
// handler) look across every file: scanned apart, the preload alone would lack the main process's.
const scanned = ['electron-main', 'electron-preload'];

const work = mkdtempSync(join(tmpdir(), 'kyzmat-electronegativity-'));
let scan;
try {
  const shell = join(work, 'shell');
  for (const part of scanned) cpSync(join('src/main', part), join(shell, part), { recursive: true });
  const run = spawnSync(
    process.execPath,
    // The security-fixes check only compares the version with GitHub's release list, which is not
    // reachable here; Electron's version is pinned in package.json and updated on purpose.
    ['--import', new URL('./offline-fetches.mjs', import.meta.url).href, fileURLToPath(new URL('./electronegativity-scan.mjs', import.meta.url)), shell, electronVersion, 'AvailableSecurityFixesGlobalCheck'],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'en-US' } },
  );
  if (run.status !== 0 || run.error) {
    console.error(run.stdout, run.stderr);
    throw new Error(`Electronegativity did not finish (exit ${run.status}${run.error ? `, ${run.error.message}` : ''})`);
  }
  scan = JSON.parse(run.stdout.trim().split('\n').pop());
} finally {
  rmSync(work, { recursive: true, force: true });
}
// A file the scanner could not parse was not checked at all, which is no pass.
if (scan.checks === 0 || scan.unreadable.length > 0) {
  console.error('Electronegativity ran no checks or could not read files:', scan);
  process.exit(1);
}
const { findings } = scan;

const matches = (suppression, finding) => suppression.check === finding.check && suppression.file === finding.file;
const aboveLow = findings.filter((finding) => !['LOW', 'INFORMATIONAL'].includes(finding.severity));
const unexplained = aboveLow.filter((finding) => !suppressions.some((suppression) => matches(suppression, finding)));
const stale = suppressions.filter((suppression) => !aboveLow.some((finding) => matches(suppression, finding)));
for (const finding of findings) console.log(`${finding.severity.padEnd(8)} ${finding.check} ${finding.file}:${finding.location}`);
console.log(JSON.stringify({ name: 'electronegativity_findings_above_low_unexplained', value: unexplained.length, unit: 'count', n: findings.length }));
if (unexplained.length > 0) console.error('Findings above LOW with no suppression and reason:', unexplained);
if (stale.length > 0) console.error('Suppressions that match no finding (remove them):', stale);
process.exitCode = unexplained.length === 0 && stale.length === 0 ? 0 : 1;
