// npm run chaos: applications submitted to a kiosk that is killed (SIGKILL) at random moments while it
// enqueues and delivers, through a proxy that drops, delays, fails and loses answers. Prints what the
// visitors were told, what the portal has, and what was lost or duplicated. Figures, not pass/fail,
// except that it exits 1 when anything acknowledged was lost or duplicated.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newKioskCredential } from '../../dist/portal/credentials.js';
import { startPortal } from '../../dist/portal/server.js';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { eachLine } from './chaos-kiosk.mjs';
import { duplicateVisitsAt } from './duplicate-visits.mjs';

const TOTAL = Number(process.env.CHAOS_SUBMISSIONS ?? 10_000);
const KILLS = Number(process.env.CHAOS_KILLS ?? 20);
const work = mkdtempSync(join(tmpdir(), 'kyzmat-chaos-'));
const portal = await startPortal({ dataFolder: join(work, 'portal'), adminToken: 'chaos-admin-token', trustAnchors: [] });
const credential = newKioskCredential('CHS1');
await portal.store.issueCredential('CHS1', credential.secretHash, new Date());

const faults = [{ kind: 'pass' }, { kind: 'pass' }, { kind: 'drop' }, { kind: 'pass' }, { kind: 'lose-response' }, { kind: 'status', status: 503, retryAfter: '0' }, { kind: 'delay', ms: 20 }, { kind: 'status', status: 500 }];
let sends = 0;
const proxy = await startFaultProxy(portal.url, (path) => (path.startsWith('/v1/submissions') ? faults[sends++ % faults.length] : { kind: 'pass' }));

const kioskFolder = join(work, 'kiosk');
const tried = new Set();
const acknowledged = new Map();
let notSaved = 0;
// Each visit's token is its index among all lives' visits (the child prints TRY before it submits,
// so every submitted visit has been counted when the next life starts).
let visitsBegun = 0;
let kills = 0;
let drained;
const started = performance.now();

function life(remaining, killAfterMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['test/chaos/kiosk-child.mjs', kioskFolder, proxy.url, credential.token, String(remaining), String(visitsBegun)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    eachLine(child.stdout, ([kind, id, receipt]) => {
      if (kind === 'TRY') {
        tried.add(id);
        visitsBegun++;
      } else if (kind === 'ACK') acknowledged.set(id, receipt);
      else if (kind === 'NOT_SAVED') notSaved++;
      else if (kind === 'DRAINED') drained = { delivered: Number(id), quarantined: Number(receipt) };
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') kills++;
      resolve(signal === 'SIGKILL');
    });
  });
}

// Kills land while the kiosk submits and, once everything is submitted, while it delivers.
while (kills < KILLS) {
  drained = undefined;
  const killed = await life(TOTAL - acknowledged.size, 100 + Math.random() * 1400);
  if (!killed && drained) break;
}
await life(Math.max(0, TOTAL - acknowledged.size), undefined);
const drainSeconds = (performance.now() - started) / 1000;

const stats = await portal.store.stats();
let lost = 0;
for (const id of acknowledged.keys()) if (!(await portal.store.submission(id))) lost++;
const demoPortalKey = JSON.parse(readFileSync('resources/demo-keys/demo-portal-2026.private.json', 'utf8')).privateKeyJwk;
await portal.close();
const { duplicates, untokened } = await duplicateVisitsAt(join(work, 'portal', 'portal.sqlite'), demoPortalKey);
const report = (name, value, unit = 'count') => console.log(JSON.stringify({ name, value, unit, n: 1 }));
report('chaos_submitted', tried.size);
report('chaos_acknowledged_to_visitors', acknowledged.size);
report('chaos_not_saved_shown', notSaved);
report('chaos_delivered_at_portal', stats.submissions);
report('chaos_duplicates', duplicates);
report('chaos_rows_without_visit_token', untokened);
report('chaos_lost', lost);
report('chaos_quarantined', drained?.quarantined ?? -1);
report('chaos_kills', kills);
report('chaos_time_to_drain', Number(drainSeconds.toFixed(1)), 's');

await proxy.close();
rmSync(work, { recursive: true, force: true });
process.exitCode = lost === 0 && duplicates === 0 && untokened === 0 ? 0 : 1;
