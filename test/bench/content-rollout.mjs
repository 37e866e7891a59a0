// The back office's content upload: the time from sending the zip of the demo package to the
// portal's answer that it is published (the zip read and checked, the package verified and
// examined file by file, written, and its publish audited), on a fresh SQLite portal each run.
import { zipSync } from 'fflate';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../dist/portal/backoffice/password-hash.js';
import { startPortal } from '../../dist/portal/server.js';

const DEMO_PACKAGE = 'dist/content-bundle';
const PASSWORD = 'bench passphrase 2026';

function zipFolder(folder) {
  const files = {};
  const walk = (current) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[`package/${relative(folder, path).split(sep).join('/')}`] = readFileSync(path);
    }
  };
  walk(folder);
  return zipSync(files);
}

async function signedIn(url) {
  const answer = await fetch(`${url}/backoffice/api/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ username: 'bench.admin', password: PASSWORD }),
  });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}`);
  const { csrfToken } = await answer.json();
  return { cookie: answer.headers.get('set-cookie').split(';')[0], csrfToken };
}

/** `runs` uploads of the demo package (after `npm run build`), each to a portal that has published nothing. */
export async function benchContentUpload(report, runs = 7) {
  const trustAnchors = JSON.parse(readFileSync('resources/trust/content-keys.json', 'utf8'));
  const body = JSON.stringify({ zip: Buffer.from(zipFolder(DEMO_PACKAGE)).toString('base64') });
  const times = [];
  for (let run = 0; run < runs; run++) {
    const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-content-upload-'));
    const portal = await startPortal({ dataFolder: work, adminToken: 'bench-admin-token', trustAnchors, log: () => undefined });
    try {
      await portal.store.backOfficeAccounts.createAccount({ username: 'bench.admin', role: 'administrator', passwordHash: await hashPassword(PASSWORD), createdAt: new Date().toISOString() });
      const session = await signedIn(portal.url);
      const started = performance.now();
      const answer = await fetch(`${portal.url}/backoffice/api/content/packages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: portal.url, 'sec-fetch-site': 'same-origin' },
        body,
      });
      await answer.arrayBuffer();
      times.push(performance.now() - started);
      if (answer.status !== 201) throw new Error(`the upload answered ${answer.status}`);
    } finally {
      await portal.close();
      rmSync(work, { recursive: true, force: true });
    }
  }
  report('backoffice_content_upload_publish_demo', times, 'ms');
  const sorted = [...times].sort((a, b) => a - b);
  report('backoffice_content_upload_publish_demo_p95', [sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]], 'ms', times.length);
}
