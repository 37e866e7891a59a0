// One life of a kiosk in the chaos run: submits applications until told to stop, printing an ACK
// line only after the host answered with a receipt (what a visitor would be shown). Killed at random.
import { startKioskHost } from '../../dist/main/core/host.js';
import { visitToken } from './duplicate-visits.mjs';

// firstVisit: how many visits the lives before this one began, so every visit's token is new.
const [dataFolder, portalUrl, token, toSubmit, firstVisit] = process.argv.slice(2);
const silent = { info() {}, warn() {}, error() {} };
const host = await startKioskHost({
  dataFolder,
  appVersion: '0.1.0',
  kioskCode: 'CHS1',
  fontsFolder: 'resources/fonts',
  trustAnchorsFile: 'resources/trust/content-keys.json',
  bundledContentFolder: 'dist/content-bundle',
  portalUrl,
  kioskCredential: token,
  contentPollSeconds: 86_400,
  heartbeatSeconds: 86_400,
  deliveryBackoff: { baseMs: 20, capMs: 500, maxRetryAfterMs: 1000 },
  connectivityProbeMs: 100,
  log: silent,
});
const answers = { lastName: 'Токтосунова', firstName: 'Бермет', birthDate: '1985-04-12', pin: '11204198500012', phone: '0700123456' };
for (let index = 0; index < Number(toSubmit); index++) {
  const started = await host.router.handle('startApplication', { serviceId: 'cloud-e-signature' });
  if (!started.ok) throw new Error(started.error.code);
  process.stdout.write(`TRY ${started.value.applicationId}\n`);
  const receipt = await host.router.handle('submitApplication', {
    applicationId: started.value.applicationId,
    language: 'ky',
    consent: {
          privacyPolicyVersion: started.value.privacyPolicy.version,
          userAgreementVersion: started.value.userAgreement.version,
          additional: started.value.additionalLegalTexts.map((text) => ({ kind: text.kind, version: text.version })),
        },
    answers: { ...answers, idCardNumber: visitToken(Number(firstVisit) + index) },
  });
  // Only a failed write is part of the experiment; any other refusal is a fault of this harness.
  if (!receipt.ok && receipt.error.code !== 'NOT_SAVED') throw new Error(`submission refused: ${receipt.error.code} ${receipt.error.message}`);
  if (receipt.ok) process.stdout.write(`ACK ${started.value.applicationId} ${receipt.value.receiptNumber}\n`);
  else process.stdout.write(`NOT_SAVED ${started.value.applicationId} ${receipt.error.code}\n`);
}
process.stdout.write('SUBMITTED\n');
// Then wait for the queue to drain, reporting when it has.
for (;;) {
  const status = await host.router.handle('getSyncStatus', {});
  if (status.ok && status.value.queued === 0) {
    process.stdout.write(`DRAINED ${status.value.delivered} ${status.value.quarantined}\n`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
host.close();
