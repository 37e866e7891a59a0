import { describe, expect, it } from 'vitest';
import { ok } from '../../../../src/shared/contract/result.js';
import { formDefinitionSchema } from '../../../../src/shared/forms/form-schema.js';
import { FORM_EVALUATION_BUDGET_MS, FormTooSlowError, evaluateWithinBudget } from '../../../../src/renderer/features/application/form-budget.js';
import { fakeHost, settle, startedApplication, storeWith } from './fake-host.js';

describe('a screen that fails in front of a visitor', () => {
  it('shows the failure screen once and tells the host the screen, kind and service, never an error text', async () => {
    const host = fakeHost({ startApplication: () => ok(startedApplication), reportScreenFailure: () => ok({ serviceDisabled: true }), cancelApplication: () => ok({}) });
    const store = storeWith(host.api);
    await store.getState().startApplication(startedApplication.serviceId);
    await settle();
    store.getState().screenFailed('threw', 'TypeError');
    store.getState().screenFailed('threw', 'RangeError');
    expect(store.getState().screenFailure).toBe('threw');
    expect(host.callsTo('reportScreenFailure')).toEqual([{ screen: 'application', kind: 'threw', errorName: 'TypeError', serviceId: startedApplication.serviceId }]);
  });

  it('keeps the service in use when the screen fails after the application was submitted', async () => {
    const host = fakeHost({ startApplication: () => ok(startedApplication), reportScreenFailure: () => ok({ serviceDisabled: false }), cancelApplication: () => ok({}) });
    const store = storeWith(host.api);
    await store.getState().startApplication(startedApplication.serviceId);
    const application = store.getState().application!;
    store.setState({
      application: { ...application, phase: 'receipt', receipt: { receiptNumber: 'BSK1-0001-AA', createdAt: '2026-12-01T06:00:00Z', state: 'queued', amountToPaySom: 0, documentIds: [], statusLookupUrl: null, assistedBy: null } },
    });
    store.getState().screenFailed('threw', 'TypeError');
    expect(host.callsTo('reportScreenFailure')).toEqual([{ screen: 'application', kind: 'threw', errorName: 'TypeError', serviceId: undefined }]);
    // The receipt stays in the state, so the failure screen can still give its number.
    expect(store.getState().application?.receipt?.receiptNumber).toBe('BSK1-0001-AA');
  });

  it('sends a generic name when the error’s name is not a plain word', () => {
    const host = fakeHost({ reportScreenFailure: () => ok({ serviceDisabled: false }) });
    const store = storeWith(host.api);
    store.getState().screenFailed('threw', 'Error: Асанова 11204198500012');
    expect(host.callsTo('reportScreenFailure')).toEqual([{ screen: 'attract', kind: 'threw', errorName: 'Error', serviceId: undefined }]);
  });

  it('forgets the failure when the visit ends, so the next visitor starts clean', () => {
    const host = fakeHost({ reportScreenFailure: () => ok({ serviceDisabled: false }) });
    const store = storeWith(host.api);
    store.getState().screenFailed('too-slow', 'FormTooSlowError');
    store.getState().endVisit();
    expect(store.getState().screenFailure).toBeUndefined();
    expect(store.getState().screen).toBe('attract');
  });
});

describe('the time budget of one form evaluation', () => {
  const form = formDefinitionSchema.parse({
    id: 'slow-form',
    version: 1,
    title: { ky: 'ф', ru: 'ф', en: 'f' },
    pages: [{ id: 'p', fields: [{ id: 'name', type: 'text', label: { ky: 'а', ru: 'и', en: 'n' } }] }],
  });
  const clockAdvancing = (ms: number) => {
    let now = 0;
    return () => (now += ms);
  };

  it('gives the state of a form that evaluates within it', () => {
    expect(evaluateWithinBudget(form, {}, { today: '2026-12-01' }, clockAdvancing(FORM_EVALUATION_BUDGET_MS)).visiblePageIds).toEqual(['p']);
  });

  it('lets one overrun pass, since a busy moment is not the form’s fault', () => {
    const slow = clockAdvancing(FORM_EVALUATION_BUDGET_MS + 1);
    const fast = clockAdvancing(1);
    for (let round = 0; round < 3; round++) {
      expect(evaluateWithinBudget(form, {}, { today: '2026-12-01' }, slow).visiblePageIds).toEqual(['p']);
      expect(evaluateWithinBudget(form, {}, { today: '2026-12-01' }, fast).visiblePageIds).toEqual(['p']);
    }
  });

  it('fails a form whose evaluation ran past it twice in a row, naming the form', () => {
    const slow = clockAdvancing(FORM_EVALUATION_BUDGET_MS + 1);
    expect(evaluateWithinBudget(form, {}, { today: '2026-12-01' }, slow).visiblePageIds).toEqual(['p']);
    let thrown: unknown;
    try {
      evaluateWithinBudget(form, {}, { today: '2026-12-01' }, slow);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FormTooSlowError);
    expect((thrown as FormTooSlowError).formId).toBe('slow-form');
    expect((thrown as Error).name).toBe('FormTooSlowError');
  });
});
