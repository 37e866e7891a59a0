import type { KioskApi } from '../../shared/contract/ipc.js';
import type { Answers } from '../../shared/forms/form-schema.js';
import { localIsoDate } from '../../shared/forms/local-date.js';
import { loadedFormEngine, loadFormEngine } from './form-engine-loader.js';
import type { ApplicationInProgress, ApplicationSlice, SliceCreator, VisitScopedState } from './types.js';

export type { ApplicationInProgress, ApplicationPhase, PrintState } from './types.js';

export const applicationVisitDefaults = { application: undefined } satisfies Partial<VisitScopedState>;

/** The kiosk's local date, the same the host checks against. */
export const today = () => localIsoDate(new Date());

export function visiblePageIds(application: ApplicationInProgress): string[] {
  if (!application.started) return [];
  return loadedFormEngine().evaluateWithinBudget(application.started.form, application.answers, { today: today() }).visiblePageIds;
}

function errorsOnPage(application: ApplicationInProgress, answers: Answers = application.answers) {
  if (!application.started || !application.pageId) return [];
  const pageId = application.pageId;
  return loadedFormEngine().evaluateWithinBudget(application.started.form, answers, { today: today() }).issues.filter(
    (issue) => issue.pageId === pageId && issue.severity === 'error',
  );
}

const starting = (): ApplicationInProgress => ({
  phase: 'starting',
  answers: {},
  shownIssues: [],
  refusedContinues: 0,
  returnToCheck: false,
  print: { status: 'idle' },
});

/** The visit's application from consent to receipt; host answers are Results, a failure is a phase. */
export const createApplicationSlice =
  (host: KioskApi): SliceCreator<ApplicationSlice> =>
  (set, get) => {
    const update = (patch: Partial<ApplicationInProgress>) => {
      const current = get().application;
      if (current) set({ application: { ...current, ...patch } });
    };

    return {
      ...applicationVisitDefaults,

      startApplication: async (serviceId) => {
        set({ screen: 'application', application: starting() });
        try {
          await loadFormEngine();
        } catch {
          // The page's own part failed to load (a damaged installation): the visitor is told the service cannot be used now.
          return update({ phase: 'failed', error: 'UNAVAILABLE' });
        }
        const result = await host.startApplication({ serviceId });
        if (!result.ok) return update({ phase: 'failed', error: result.error.code });
        if (get().application?.phase === 'starting') update({ phase: 'consent', started: result.value });
      },

      acceptConsent: () => {
        const application = get().application;
        if (!application?.started) return;
        update({ phase: 'question', pageId: visiblePageIds(application)[0], shownIssues: [] });
      },

      declineConsent: () => {
        const applicationId = get().application?.started?.applicationId;
        if (applicationId) void host.cancelApplication({ applicationId });
        // Declining keeps nothing: the application is forgotten by the host too.
        set({ application: undefined, screen: 'catalogue' });
        get().reloadScreen();
      },

      setAnswer: (fieldId, value) => {
        const application = get().application;
        if (!application) return;
        const answers = { ...application.answers, [fieldId]: value };
        // Once the visitor has been shown errors, they update as the answer is corrected.
        const shownIssues = application.shownIssues.length > 0 ? errorsOnPage(application, answers) : [];
        update({ answers, shownIssues });
      },

      continueFromPage: () => {
        const application = get().application;
        if (!application?.started || !application.pageId) return;
        const issues = errorsOnPage(application);
        if (issues.length > 0) return update({ shownIssues: issues, refusedContinues: application.refusedContinues + 1 });
        const pages = visiblePageIds(application);
        const next = pages[pages.indexOf(application.pageId) + 1];
        if (application.returnToCheck || !next) return update({ phase: 'check', pageId: undefined, shownIssues: [], returnToCheck: false });
        update({ pageId: next, shownIssues: [] });
      },

      backFromPage: () => {
        const application = get().application;
        if (!application?.pageId) return;
        if (application.returnToCheck) return update({ phase: 'check', pageId: undefined, shownIssues: [], returnToCheck: false });
        const pages = visiblePageIds(application);
        const previous = pages[pages.indexOf(application.pageId) - 1];
        update(previous ? { pageId: previous, shownIssues: [] } : { phase: 'consent', pageId: undefined, shownIssues: [] });
      },

      changeAnswer: (pageId) => update({ phase: 'question', pageId, returnToCheck: true, shownIssues: [] }),
      confirmCheck: () => update({ phase: 'declaration' }),
      backToCheck: () => update({ phase: 'check' }),

      submitApplication: async () => {
        const application = get().application;
        // Only from the declaration: a second press while the first is on its way submits nothing.
        if (!application?.started || application.phase !== 'declaration') return;
        update({ phase: 'submitting' });
        const { started } = application;
        const result = await host.submitApplication({
          applicationId: started.applicationId,
          language: get().language,
          consent: {
            privacyPolicyVersion: started.privacyPolicy.version,
            userAgreementVersion: started.userAgreement.version,
            additional: started.additionalLegalTexts.map((text) => ({ kind: text.kind, version: text.version })),
          },
          answers: application.answers,
        });
        if (!result.ok) return update({ phase: 'failed', error: result.error.code });
        // The receipt is shown only now, after the host's commit; the answers are no longer needed.
        update({ phase: 'receipt', receipt: result.value, answers: {} });
      },

      applicationDelivered: (receiptNumber) => {
        const receipt = get().application?.receipt;
        if (receipt?.receiptNumber === receiptNumber) update({ receipt: { ...receipt, state: 'delivered' } });
      },

      printReceipt: async (receiptNumber) => {
        update({ print: { status: 'printing' } });
        const result = await host.printReceipt({ receiptNumber });
        const outcome = result.ok ? (result.value.outcome === 'failed' ? result.value.reason : result.value.outcome) : 'PRINT_FAILED';
        update({ print: { status: 'done', outcome } });
      },
    };
  };
