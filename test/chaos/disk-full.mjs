// npm run chaos, second part: a kiosk whose data folder is on a small disk (a 16 MiB tmpfs in a
// private mount namespace) that fills to the last byte again and again while visitors submit, and
// is freed each time. Prints what the visitors were told against what the portal holds: nothing
// acknowledged may be lost, and nothing a visitor was told was not saved may have been committed.
// Exits 1 when either happens, or when the kiosk's alarms did not follow the disk.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newKioskCredential } from '../../dist/portal/credentials.js';
import { startPortal } from '../../dist/portal/server.js';
import { eachLine } from './chaos-kiosk.mjs';

const TOTAL = Number(process.env.DISK_FULL_SUBMISSIONS ?? 300);
const FAULTS = Number(process.env.DISK_FULL_FAULTS ?? 10);
const work = mkdtempSync(join(tmpdir(), 'kyzmat-disk-full-'));
const disk = join(work, 'disk');
mkdirSync(disk);
const portal = await startPortal({ dataFolder: join(work, 'portal'), adminToken: 'disk-full-admin-token', trustAnchors: [] });
const credential = newKioskCredential('DSK1');
await portal.store.issueCredential('DSK1', credential.secretHash, new Date());

const tried = new Set();
const acknowledged = new Map();
const notSaved = new Set();
const alarmLines = [];
let fills = 0;
let notStarted = 0;
let drained;
const child = spawn(
  'unshare',
  ['--mount', '--map-root-user', 'sh', '-c', 'mount -t tmpfs -o size=16m tmpfs "$1" && exec "$0" test/chaos/disk-full-child.mjs "$@"', process.execPath, disk, portal.url, credential.token, String(TOTAL), String(FAULTS)],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk));
eachLine(child.stdout, ([kind, id, receipt]) => {
  if (kind === 'TRY') tried.add(id);
  else if (kind === 'ACK') acknowledged.set(id, receipt);
  else if (kind === 'NOT_SAVED') notSaved.add(id);
  else if (kind === 'NOT_STARTED') notStarted++;
  else if (kind === 'FULL') fills++;
  else if (kind.startsWith('ALARMS_')) alarmLines.push({ stage: kind, alarms: id, refused: Number(receipt ?? 0) });
  else if (kind === 'DRAINED') drained = { delivered: Number(id), quarantined: Number(receipt) };
});
const exitCode = await new Promise((resolve) => child.once('exit', (code) => resolve(code)));
if (exitCode !== 0) {
  // The kiosk process must survive its disk: an exit here is the failure this run looks for.
  process.stderr.write(stderr);
}

let lost = 0;
for (const id of acknowledged.keys()) if (!(await portal.store.submission(id))) lost++;
// Told "not saved" yet committed: the visitor will apply again, and the office gets it twice.
let committedButRefused = 0;
for (const id of notSaved) if (await portal.store.submission(id)) committedButRefused++;
const stats = await portal.store.stats();
// On the full disk the alarm is up exactly when a visitor was refused; once it is freed, no alarm is left.
const alarmsMissed = alarmLines.filter(({ stage, alarms, refused }) =>
  stage === 'ALARMS_FULL' ? alarms.split(',').includes('disk-full') !== refused > 0 : alarms !== 'none',
).length;

const report = (name, value, unit = 'count') => console.log(JSON.stringify({ name, value, unit, n: 1 }));
report('chaos_disk_full_faults', fills);
report('chaos_disk_full_submitted', tried.size + notStarted);
report('chaos_disk_full_acknowledged', acknowledged.size);
report('chaos_disk_full_not_saved_shown', notSaved.size + notStarted);
report('chaos_disk_full_delivered_at_portal', stats.submissions);
report('chaos_disk_full_lost', lost);
report('chaos_disk_full_committed_but_refused', committedButRefused);
report('chaos_disk_full_alarm_mismatches', alarmsMissed);
report('chaos_disk_full_kiosk_exit_code', exitCode ?? -1);
report('chaos_disk_full_quarantined', drained?.quarantined ?? -1);

await portal.close();
rmSync(work, { recursive: true, force: true });
process.exitCode = exitCode === 0 && lost === 0 && committedButRefused === 0 && alarmsMissed === 0 && drained ? 0 : 1;
