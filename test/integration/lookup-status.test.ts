import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startKioskHost } from '../../src/main/core/host.js';
import { visitorStatusOf } from '../../src/main/core/sync/lookup-answer.js';
import { ApplicationStatusService } from '../../src/portal/applications/application-status-service.js';
import { readStatusReasons } from '../../src/portal/applications/status-reasons.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type PortalOptions } from '../../src/portal/server.js';
import type { StartedApplication, SubmittedApplication } from '../../src/shared/contract/ipc.js';
import { formatLegacyReceiptNumber } from '../../src/shared/domain/receipt-number.js';
import { makeSubmission, submit } from '../portal/support.js';
import { makePackage, testKeys, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const keys = testKeys('lookup-key');
const reasons = readStatusReasons('resources/portal/status-reasons.json');
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The lookup answer's schema as kiosks shipped it before the six statuses: an older kiosk parses the answer with exactly this. */
const kioskBeforeWorkflowSchema = z.object({
  receiptNumber: z.string(),
  serviceId: z.string(),
  status: z.enum(['received', 'processing', 'ready', 'rejected']),
  updatedAt: z.iso.datetime(),
});

async function deliveredApplication(portalOptions: Pick<PortalOptions, 'rateLimits'> = {}) {
  const portal = await startPortal({ dataFolder: tempFolder(), adminToken: 'lookup-admin-token', trustAnchors: [keys.anchor], ...portalOptions });
  closers.push(() => portal.close());
  const credential = newKioskCredential('BSK1');
  await portal.store.issueCredential('BSK1', credential.secretHash, new Date());
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: 'BSK1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1 })),
    portalUrl: portal.url,
    kioskCredential: credential.token,
    contentPollSeconds: 3600,
    deliveryBackoff: { baseMs: 20, capMs: 200, maxRetryAfterMs: 1500 },
    connectivityProbeMs: 50,
  });
  closers.push(() => host.close());
  const handle = (channel: string, request: unknown = {}) => host.router.handle(channel, request);
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const result = await handle(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
    return result.value as T;
  };
  const delivered: string[] = [];
  host.events.subscribe((event) => event.name === 'applicationDelivered' && delivered.push(event.payload.receiptNumber));
  const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
  const receipt = await call<SubmittedApplication>('submitApplication', {
    applicationId: started.applicationId,
    language: 'ky',
    consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
    answers: { lastName: 'Токтосунова', pin: '11204198500012', phone: '0700123456' },
  });
  const until = Date.now() + 15_000;
  // Until the kiosk has marked it delivered, it answers from its own queue instead of asking the portal.
  while (!delivered.includes(receipt.receiptNumber)) {
    if (Date.now() > until) throw new Error('the application was not delivered');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { portal, token: credential.token, receiptNumber: receipt.receiptNumber, call, handle };
}

describe('the visitor’s status lookup', () => {
  it('shows the state an officer set, the reason and the next step in every language, through the real portal', async () => {
    const { portal, receiptNumber, call } = await deliveredApplication();
    const workflow = new ApplicationStatusService({ store: portal.store.applications, reasons, now: () => new Date(), log: () => undefined });
    await workflow.changeStatus({ userId: 1 }, receiptNumber, 'in-review', null);
    expect(await call('lookupApplication', { receiptNumber })).toMatchObject({ status: 'in-review', reason: null, queuedHere: false });

    await workflow.changeStatus({ userId: 1 }, receiptNumber, 'needs-action', 'signature-missing');
    const found = await call<{ status: string; reason: { text: Record<string, string>; nextStep: Record<string, string> } }>('lookupApplication', { receiptNumber });
    expect(found.status).toBe('needs-action');
    expect(found.reason.text).toEqual(reasons.get('signature-missing')!.text);
    expect(found.reason.nextStep.ky).toBe(reasons.get('signature-missing')!.nextStep.ky);
  });

  it('says RATE_LIMITED, with when it lifts, when the portal answers 429 to this kiosk’s lookups: the visitor waits a minute instead of reading "no connection"', async () => {
    const { receiptNumber, call, handle } = await deliveredApplication({ rateLimits: { applicationStatus: { perCredential: 2 } } });
    for (let index = 0; index < 2; index++) expect(await call('lookupApplication', { receiptNumber })).toMatchObject({ status: 'received', queuedHere: false });
    const asked = Date.now();
    const limited = await handle('lookupApplication', { receiptNumber });
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const until = Date.parse((limited as { error: { details: { until: string } } }).error.details.until);
    expect(until).toBeGreaterThan(asked);
    expect(until).toBeLessThanOrEqual(asked + 61_000);
    // A number of the old form is asked about the same way, and refused the same way while the limit lasts.
    expect(await handle('lookupApplication', { receiptNumber: formatLegacyReceiptNumber('BSK1', 77).toLowerCase() })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('looks up a number of the old sequential form, typed as a visitor types it', async () => {
    const { portal, token, call } = await deliveredApplication();
    // An application queued before the upgrade, delivered under the old form of its number.
    const legacy = await makeSubmission('BSK1', { receiptNumber: formatLegacyReceiptNumber('BSK1', 1234) });
    expect((await submit(portal.url, token, legacy)).status).toBe(201);
    const typed = legacy.receiptNumber.replace(/-/g, ' ').toLowerCase().replace(/1/g, 'l');
    expect(await call('lookupApplication', { receiptNumber: typed })).toMatchObject({ receiptNumber: legacy.receiptNumber, status: 'received', queuedHere: false });
  });

  it('answers a kiosk with the older app in the four words it parses', async () => {
    const { portal, token, receiptNumber } = await deliveredApplication();
    const workflow = new ApplicationStatusService({ store: portal.store.applications, reasons, now: () => new Date(), log: () => undefined });
    const olderKioskReads = async () => {
      const response = await fetch(`${portal.url}/v1/applications/${receiptNumber}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      return kioskBeforeWorkflowSchema.parse(await response.json()).status;
    };
    expect(await olderKioskReads()).toBe('received');
    await workflow.changeStatus({ userId: 1 }, receiptNumber, 'in-review', null);
    await workflow.changeStatus({ userId: 1 }, receiptNumber, 'needs-action', 'photo-rules');
    expect(await olderKioskReads()).toBe('processing');
    await workflow.changeStatus({ userId: 1 }, receiptNumber, 'in-review', null);
    await workflow.changeStatus({ userId: 1 }, receiptNumber, 'ready-for-pickup', null);
    expect(await olderKioskReads()).toBe('ready');
    await workflow.changeStatus({ userId: 1 }, receiptNumber, 'issued', null);
    expect(await olderKioskReads()).toBe('ready');
  });

  it('reads a portal older than the workflow by its four words', () => {
    const older = { receiptNumber: 'BSK1-0000-1X', serviceId: 'birth', updatedAt: '2026-12-01T10:00:00.000Z' };
    expect(visitorStatusOf({ ...older, status: 'processing' })).toMatchObject({ status: 'in-review', reason: null });
    expect(visitorStatusOf({ ...older, status: 'ready' })).toMatchObject({ status: 'ready-for-pickup', reason: null });
  });
});
