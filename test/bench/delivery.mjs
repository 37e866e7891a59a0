// Delivery benchmarks: outbox drain rate to the local portal, and portal intake under load on
// SQLite and on PostgreSQL (a private server with fsync on, started for the run).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startKioskHost } from '../../dist/main/core/host.js';
import { newKioskCredential } from '../../dist/portal/credentials.js';
import { startPortal } from '../../dist/portal/server.js';
import { formatReceiptNumber } from '../../dist/shared/domain/receipt-number.js';

/** A receipt number whose 40 random bits are `value`: distinct and the same on every run. */
const receiptNumberOf = (kiosk, value) => formatReceiptNumber(kiosk, Uint8Array.from({ length: 5 }, (_, index) => Math.floor(value / 256 ** (4 - index)) % 256));
import { startPrivatePostgres } from '../portal/postgres-setup.ts';

const silent = { info() {}, warn() {}, error() {} };
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

function kioskOptions(dataFolder, extra = {}) {
  return {
    dataFolder,
    appVersion: '0.1.0',
    kioskCode: 'BNC1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: 'resources/trust/content-keys.json',
    bundledContentFolder: 'dist/content-bundle',
    contentPollSeconds: 86_400,
    heartbeatSeconds: 86_400,
    log: silent,
    ...extra,
  };
}

/** N applications queued while offline, then the time for the sync engine to deliver them all. */
export async function benchDrain(report, count = 1000) {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-drain-'));
  const portal = await startPortal({ dataFolder: join(work, 'portal'), adminToken: 'bench-admin-token', trustAnchors: [], log: () => undefined });
  try {
    const credential = newKioskCredential('BNC1');
    await portal.store.issueCredential('BNC1', credential.secretHash, new Date());
    const kioskFolder = join(work, 'kiosk');
    const offline = await startKioskHost(kioskOptions(kioskFolder));
    const answers = { lastName: 'Токтосунова', firstName: 'Бермет', birthDate: '1985-04-12', pin: '11204198500012', idCardNumber: 'ID1234567', phone: '0700123456' };
    for (let index = 0; index < count; index++) {
      const started = await offline.router.handle('startApplication', { serviceId: 'cloud-e-signature' });
      const submitted = await offline.router.handle('submitApplication', {
        applicationId: started.value.applicationId,
        language: 'ru',
        consent: {
          privacyPolicyVersion: started.value.privacyPolicy.version,
          userAgreementVersion: started.value.userAgreement.version,
          additional: started.value.additionalLegalTexts.map((text) => ({ kind: text.kind, version: text.version })),
        },
        answers,
      });
      if (!submitted.ok) throw new Error(submitted.error.code);
    }
    offline.close();
    const begin = performance.now();
    const online = await startKioskHost(kioskOptions(kioskFolder, { portalUrl: portal.url, kioskCredential: credential.token }));
    for (;;) {
      const status = await online.router.handle('getSyncStatus', {});
      if (status.value.delivered === count) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seconds = (performance.now() - begin) / 1000;
    online.close();
    report('outbox_drain_rate', [count / seconds], 'submissions/s', count);
  } finally {
    await portal.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function post(agent, url, token, body) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length, Authorization: `Bearer ${token}`, 'Idempotency-Key': body.id },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** `clients` kiosks posting distinct submissions at once; throughput and p99 latency of the portal's intake. */
async function benchIntake(report, label, storeOptions, total = 3000, clients = 16) {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-intake-'));
  const portal = await startPortal({ dataFolder: work, adminToken: 'bench-admin-token', trustAnchors: [], log: () => undefined, ...storeOptions });
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  try {
    const credential = newKioskCredential('BNC1');
    await portal.store.issueCredential('BNC1', credential.secretHash, new Date());
    const url = `${portal.url}/v1/submissions`;
    const sealed = randomBytes(1200).toString('base64');
    let next = 1;
    const latencies = [];
    const worker = async () => {
      while (next <= total) {
        const sequence = next++;
        const body = {
          id: randomUUID(),
          receiptNumber: receiptNumberOf('BNC1', sequence),
          serviceId: 'cloud-e-signature',
          formId: 'form-cloud-e-signature',
          formVersion: 1,
          contentVersion: 1,
          privacyPolicyVersion: '1',
          userAgreementVersion: '1',
          language: 'ru',
          createdAt: new Date().toISOString(),
          sealedFormat: 'hpke-x25519-sha256-aes256gcm-v1',
          sealedKeyId: 'demo-portal-2026',
          sealed,
        };
        const begin = performance.now();
        const status = await post(agent, url, credential.token, body);
        latencies.push(performance.now() - begin);
        if (status !== 201) throw new Error(`intake answered ${status}`);
      }
    };
    const begin = performance.now();
    await Promise.all(Array.from({ length: clients }, worker));
    const seconds = (performance.now() - begin) / 1000;
    report(`portal_intake_rate_${label}`, [total / seconds], 'submissions/s', total);
    report(`portal_intake_p99_${label}`, [percentile(latencies, 99)], 'ms', total);
  } finally {
    agent.destroy();
    await portal.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchPortalIntake(report) {
  await benchIntake(report, 'sqlite', {});
  const postgres = await startPrivatePostgres(true);
  try {
    await benchIntake(report, 'postgresql', { databaseUrl: postgres.url });
  } finally {
    postgres.stop();
  }
}
