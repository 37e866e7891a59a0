import { describe, expect, it } from 'vitest';
import type { SubmittedApplication } from '../../../../src/shared/contract/ipc.js';
import { fail, ok, type Result } from '../../../../src/shared/contract/result.js';
import { followHostEvents } from '../../../../src/renderer/state/store.js';
import { deferred, fakeHost, settle, startedApplication, storeWith } from './fake-host.js';

const receipt: SubmittedApplication = {
  receiptNumber: 'AB12-CD34-EF',
  createdAt: '2026-11-21T10:00:00Z',
  state: 'queued',
  amountToPaySom: 510,
  documentIds: ['passport'],
  statusLookupUrl: null,
  assistedBy: null,
};

/** A store whose visitor has answered every page and stands on the declaration. */
async function atDeclaration(submit: () => Result<SubmittedApplication> | Promise<Result<SubmittedApplication>>) {
  const host = fakeHost({ startApplication: () => ok(startedApplication), submitApplication: submit, cancelApplication: () => ok({}) });
  const store = storeWith(host.api);
  const state = () => store.getState();
  state().chooseLanguage('ky');
  await state().startApplication('passport');
  state().acceptConsent();
  state().setAnswer('fullName', 'Айгүл Асанова');
  state().continueFromPage();
  state().setAnswer('phone', '+996 555 123 456');
  state().continueFromPage();
  state().confirmCheck();
  expect(state().application?.phase).toBe('declaration');
  return { host, store };
}

describe('application slice', () => {
  it('refuses to submit twice while the first submission is on its way', async () => {
    const answer = deferred<Result<SubmittedApplication>>();
    const { host, store } = await atDeclaration(() => answer.promise);
    const first = store.getState().submitApplication();
    const second = store.getState().submitApplication();
    answer.resolve(ok(receipt));
    await Promise.all([first, second]);
    expect(host.callsTo('submitApplication')).toHaveLength(1);
    expect(store.getState().application?.phase).toBe('receipt');
    // After the host's commit the answers are no longer kept in the page.
    expect(store.getState().application?.answers).toEqual({});
  });

  it('sends the answers with the consent versions and the visitor language', async () => {
    const { host, store } = await atDeclaration(() => ok(receipt));
    await store.getState().submitApplication();
    expect(host.callsTo('submitApplication')).toEqual([
      {
        applicationId: startedApplication.applicationId,
        language: 'ky',
        consent: { privacyPolicyVersion: 'pp-2', userAgreementVersion: 'ua-5', additional: [] },
        answers: { fullName: 'Айгүл Асанова', phone: '+996 555 123 456' },
      },
    ]);
  });

  it('names every additional text the service asked the visitor to accept, at the version shown', async () => {
    const withPolicy = {
      ...startedApplication,
      additionalLegalTexts: [{ kind: 'certification-centre-policy' as const, version: 'cc-3', title: startedApplication.privacyPolicy.title, body: startedApplication.privacyPolicy.body }],
    };
    const host = fakeHost({ startApplication: () => ok(withPolicy), submitApplication: () => ok(receipt), cancelApplication: () => ok({}) });
    const store = storeWith(host.api);
    await store.getState().startApplication(withPolicy.serviceId);
    store.getState().acceptConsent();
    store.getState().setAnswer('fullName', 'Айгүл Асанова');
    store.getState().continueFromPage();
    store.getState().setAnswer('phone', '+996 555 123 456');
    store.getState().continueFromPage();
    store.getState().confirmCheck();
    await store.getState().submitApplication();
    expect((host.callsTo('submitApplication')[0] as { consent: unknown }).consent).toEqual({
      privacyPolicyVersion: 'pp-2',
      userAgreementVersion: 'ua-5',
      additional: [{ kind: 'certification-centre-policy', version: 'cc-3' }],
    });
  });

  it('shows a submission the host could not store as failed with its code, never as a receipt', async () => {
    const { store } = await atDeclaration(() => fail('NOT_SAVED', 'disk full'));
    await store.getState().submitApplication();
    expect(store.getState().application).toMatchObject({ phase: 'failed', error: 'NOT_SAVED' });
    expect(store.getState().application?.receipt).toBeUndefined();
  });

  it('stores the error code when the application cannot start', async () => {
    const host = fakeHost({ startApplication: () => fail('NOT_FOUND', 'no such service') });
    const store = storeWith(host.api);
    await store.getState().startApplication('passport');
    expect(store.getState().application).toMatchObject({ phase: 'failed', error: 'NOT_FOUND' });
    expect(store.getState().application?.started).toBeUndefined();
  });

  it('refuses Continue on a page with a missing required answer', async () => {
    const host = fakeHost({ startApplication: () => ok(startedApplication) });
    const store = storeWith(host.api);
    await store.getState().startApplication('passport');
    store.getState().acceptConsent();
    store.getState().continueFromPage();
    expect(store.getState().application).toMatchObject({ phase: 'question', pageId: 'name', refusedContinues: 1 });
    expect(store.getState().application?.shownIssues.map((issue) => issue.path)).toEqual(['fullName']);
  });

  it('marks the receipt on screen as delivered when the host says so', async () => {
    const { host, store } = await atDeclaration(() => ok(receipt));
    followHostEvents(store, host.api);
    await store.getState().submitApplication();
    host.emit('applicationDelivered', { receiptNumber: 'ZZ99-ZZ99-ZZ' });
    expect(store.getState().application?.receipt?.state).toBe('queued');
    host.emit('applicationDelivered', { receiptNumber: receipt.receiptNumber });
    await settle();
    expect(store.getState().application?.receipt?.state).toBe('delivered');
  });
});
