// Benchmarks: prints one JSON line per figure ({name, value, unit, n}); figures, never pass/fail.
// Run with `npm run bench` (it builds first). Medians over n runs on this machine, all in one run.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchApplications } from './applications.mjs';
import { benchAuditTrail } from './audit.mjs';
import { benchBundle } from './bundle.mjs';
import { benchContent, benchPatterns } from './content.mjs';
import { benchContentUpload } from './content-rollout.mjs';
import { benchLargeCategory } from './large-category.mjs';
import { benchDrain, benchPortalIntake } from './delivery.mjs';
import { benchFleet } from './fleet.mjs';
import { benchSearch } from './search.mjs';
import { benchTouchLatency } from './touch-latency.mjs';
import { benchKeystrokes, benchSubmit } from './visit.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const report = (name, values, unit, n = values.length) =>
  console.log(JSON.stringify({ name, value: Number(median(values).toFixed(2)), unit, n }));

/** Starts the real launcher and resolves when it prints its launch URL; the time includes Node's own start. */
function startKiosk(dataFolder, env = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main/launcher/start.js', '--browser', '--no-open', '--no-portal'], {
    env: { ...process.env, KIOSK_DATA_DIR: dataFolder, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Kiosk ready: (\S+)\n/.exec(output);
      if (match) resolve({ child, launchUrl: match[1], readyMs: performance.now() - started });
    });
    child.once('exit', (code) => reject(new Error(`kiosk exited with ${code}`)));
  });
}

function stopKiosk(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGINT');
  });
}

async function hostStartToReady() {
  const firstStart = [];
  const restart = [];
  for (let run = 0; run < RUNS; run++) {
    const folder = mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-bench-'));
    const fresh = await startKiosk(folder);
    firstStart.push(fresh.readyMs);
    await stopKiosk(fresh.child);
    const again = await startKiosk(folder);
    restart.push(again.readyMs);
    await stopKiosk(again.child);
    rmSync(folder, { recursive: true, force: true });
  }
  report('host_start_to_ready_first_run', firstStart, 'ms');
  report('host_start_to_ready_restart', restart, 'ms');
}

async function launchToAttractPainted() {
  const folder = mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-bench-'));
  const kiosk = await startKiosk(folder);
  const total = [];
  const inPage = [];
  // The launch link is spent by the first browser; each later one is given the session it made.
  let session;
  try {
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      if (session) await context.addCookies(session);
      const page = await context.newPage();
      await page.goto(kiosk.launchUrl);
      session ??= await context.cookies();
      await page.locator('[data-screen="attract"]').waitFor({ state: 'visible' });
      // Two animation frames: the frame holding the attract screen has been painted.
      const paintedAt = await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))),
      );
      total.push(performance.now() - started);
      inPage.push(paintedAt);
      await browser.close();
    }
  } finally {
    await stopKiosk(kiosk.child);
    rmSync(folder, { recursive: true, force: true });
  }
  report('chromium_launch_to_attract_painted', total, 'ms');
  report('navigation_to_attract_painted', inPage, 'ms');
}

benchBundle(report);
await hostStartToReady();
await launchToAttractPainted();
await benchTouchLatency(report, { startKiosk, stopKiosk, chromiumArgs: CHROMIUM_ARGS, runs: RUNS });
await benchContent(report);
benchPatterns(report);
await benchLargeCategory(report, { startKiosk, stopKiosk, chromiumArgs: CHROMIUM_ARGS, runs: RUNS });
await benchSearch(report);
await benchSubmit(report);
benchKeystrokes(report);
await benchDrain(report);
await benchAuditTrail(report);
await benchPortalIntake(report);
await benchApplications(report);
await benchContentUpload(report);
await benchFleet(report);
