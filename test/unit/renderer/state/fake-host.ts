import { createStore } from 'zustand/vanilla';
import type { Channel, HostEventName } from '../../../../src/shared/contract/channels.js';
import type { ChannelRequest, ChannelResponse, HostEventPayloads, KioskApi, StartedApplication, SyncStatusView } from '../../../../src/shared/contract/ipc.js';
import { createEventHub, createKioskApi } from '../../../../src/shared/contract/kiosk-api.js';
import { fail, type Result } from '../../../../src/shared/contract/result.js';
import { formDefinitionSchema } from '../../../../src/shared/forms/form-schema.js';
import { createKioskState } from '../../../../src/renderer/state/store.js';
import type { KioskState } from '../../../../src/renderer/state/types.js';

export type Answer<C extends Channel> = (request: ChannelRequest<C>) => Result<ChannelResponse<C>> | Promise<Result<ChannelResponse<C>>>;
export type HostAnswers = { [C in Channel]?: Answer<C> };

/**
 * A host built from the real contract (the same `createKioskApi` the shells use) whose channels
 * answer what a test says; a channel the test did not mention answers UNAVAILABLE.
 */
export function fakeHost(answers: HostAnswers = {}) {
  const hub = createEventHub();
  const calls: { channel: Channel; request: unknown }[] = [];
  const api: KioskApi = createKioskApi(async (channel, request) => {
    calls.push({ channel, request });
    const answer = answers[channel] as ((request: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
    return answer ? answer(request) : fail('UNAVAILABLE', `${channel} is not part of this test`);
  }, hub.subscribe);
  return {
    api,
    callsTo: (channel: Channel) => calls.filter((call) => call.channel === channel).map((call) => call.request),
    emit: <E extends HostEventName>(event: E, payload: HostEventPayloads[E]) => hub.dispatch(event, payload),
  };
}

export const storeWith = (host: KioskApi) => createStore<KioskState>()(createKioskState(host));

/** A promise the test resolves when it wants, to hold a host answer back. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets pending promise callbacks (host answers already given) run. */
export const settle = () => new Promise((done) => setTimeout(done, 0));

const text = (en: string) => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, en });

export const startedApplication: StartedApplication = {
  applicationId: '0190a5d2-7f00-7000-8000-000000000001',
  serviceId: 'passport',
  contentVersion: 3,
  form: formDefinitionSchema.parse({
    id: 'passport-form',
    version: 1,
    title: text('Passport'),
    pages: [
      { id: 'name', fields: [{ id: 'fullName', type: 'text', label: text('Full name'), required: true }] },
      { id: 'phone', fields: [{ id: 'phone', type: 'text', label: text('Phone'), required: true }] },
    ],
  }),
  privacyPolicy: { kind: 'privacy-policy', version: 'pp-2', title: text('Privacy'), body: text('…') },
  userAgreement: { kind: 'user-agreement', version: 'ua-5', title: text('Agreement'), body: text('…') },
  additionalLegalTexts: [],
};

export const syncStatus = (patch: Partial<SyncStatusView> = {}): SyncStatusView => ({
  state: 'idle',
  online: true,
  lastSyncAt: null,
  lastError: null,
  pausedReason: null,
  queued: 0,
  quarantined: 0,
  delivered: 0,
  oldestQueuedAgeSeconds: null,
  ...patch,
});
