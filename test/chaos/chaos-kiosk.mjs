// The kiosk host of the chaos runs, as the built app starts it: bundled demo content, delivery to
// the given portal with fast retries, no content polls or heartbeats of its own.
import { startKioskHost } from '../../dist/main/core/host.js';

export function startChaosKiosk({ dataFolder, kioskCode, portalUrl, token, log }) {
  return startKioskHost({
    dataFolder,
    appVersion: '0.1.0',
    kioskCode,
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: 'resources/trust/content-keys.json',
    bundledContentFolder: 'dist/content-bundle',
    portalUrl,
    kioskCredential: token,
    contentPollSeconds: 86_400,
    heartbeatSeconds: 86_400,
    deliveryBackoff: { baseMs: 20, capMs: 500, maxRetryAfterMs: 1000 },
    connectivityProbeMs: 100,
    ...(log ? { log } : {}),
  });
}

/**
 * One visitor's application for the cloud e-signature: started, consented to as shown, submitted.
 * `say` hears TRY before the submission, then ACK with the receipt or NOT_SAVED; any other refusal
 * is a fault of the harness and throws. Answers whether the visitor was told it was not saved.
 */
export async function submitVisit(host, answers, say) {
  const started = await host.router.handle('startApplication', { serviceId: 'cloud-e-signature' });
  if (!started.ok) throw Object.assign(new Error(`not started: ${started.error.code}`), { code: started.error.code });
  const { applicationId, privacyPolicy, userAgreement, additionalLegalTexts } = started.value;
  say(`TRY ${applicationId}`);
  const receipt = await host.router.handle('submitApplication', {
    applicationId,
    language: 'ky',
    consent: {
      privacyPolicyVersion: privacyPolicy.version,
      userAgreementVersion: userAgreement.version,
      additional: additionalLegalTexts.map((text) => ({ kind: text.kind, version: text.version })),
    },
    answers,
  });
  if (!receipt.ok && receipt.error.code !== 'NOT_SAVED') throw new Error(`submission refused: ${receipt.error.code} ${receipt.error.message}`);
  say(receipt.ok ? `ACK ${applicationId} ${receipt.value.receiptNumber}` : `NOT_SAVED ${applicationId}`);
  return !receipt.ok;
}

/** Calls `handle` with the words of each whole line a child prints. */
export function eachLine(stream, handle) {
  let buffer = '';
  stream.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) handle(line.split(' '));
  });
}

/** Waits until the queue is empty, then says DRAINED with how many were delivered and set aside. */
export async function waitForDrain(host, say) {
  for (;;) {
    const status = await host.router.handle('getSyncStatus', {});
    if (status.ok && status.value.queued === 0) {
      say(`DRAINED ${status.value.delivered} ${status.value.quarantined}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
