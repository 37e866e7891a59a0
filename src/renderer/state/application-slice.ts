import type { StateCreator } from 'zustand';
import type { FieldIssue } from '../../shared/forms/form-engine.js';
import { evaluateForm, pageIssues } from '../../shared/forms/form-engine.js';
import type { AnswerValue, Answers } from '../../shared/forms/form-schema.js';
import { localIsoDate } from '../../shared/forms/validators.js';
import type { ReceiptDocument, StartedApplication, SubmittedApplication } from '../../shared/contract/ipc.js';
import type { ErrorCode } from '../../shared/contract/result.js';
import { errorCodeOf, kiosk, unwrap } from '../host/kiosk-client.js';
import type { KioskState } from './store.js';

export type ApplicationPhase = 'starting' | 'consent' | 'question' | 'check' | 'declaration' | 'submitting' | 'receipt' | 'failed';
export type PrintState = { status: 'idle' | 'printing' } | { status: 'done'; outcome: 'printed' | 'saved' | 'NO_PRINTER' | 'PRINT_FAILED' };

/**
 * The application a visitor is filling. Answers live here, in the page's memory, and nowhere
 * else: never web storage, never logs. Ending the visit drops the whole object.
 */
export interface ApplicationInProgress {
  phase: ApplicationPhase;
  started?: StartedApplication;
  answers: Answers;
  pageId?: string;
  /** Issues shown on the current page after the visitor pressed Continue. */
  shownIssues: FieldIssue[];
  /** Counts refused Continues, so the error summary takes focus then and not while the visitor types. */
  refusedContinues: number;
  /** Came to this page from "Change" on the check screen: Continue returns there. */
  returnToCheck: boolean;
  receipt?: SubmittedApplication;
  error?: ErrorCode;
  print: PrintState;
}

export interface ApplicationSlice {
  application?: ApplicationInProgress;
  startApplication: (serviceId: string) => Promise<void>;
  acceptConsent: () => void;
  declineConsent: () => void;
  setAnswer: (fieldId: string, value: AnswerValue) => void;
  continueFromPage: () => void;
  backFromPage: () => void;
  changeAnswer: (pageId: string) => void;
  confirmCheck: () => void;
  backToCheck: () => void;
  submitApplication: () => Promise<void>;
  printReceipt: (receipt: ReceiptDocument) => Promise<void>;
  /** The host delivered an application: if it is the one on screen, its receipt now says "sent". */
  applicationDelivered: (receiptNumber: string) => void;
}

/** The kiosk's local date, the same the host checks against. */
export const today = () => localIsoDate(new Date());

export function visiblePageIds(application: ApplicationInProgress): string[] {
  if (!application.started) return [];
  return evaluateForm(application.started.form, application.answers, { today: today() }).visiblePageIds;
}

export const createApplicationSlice: StateCreator<KioskState, [], [], ApplicationSlice> = (set, get) => {
  const update = (patch: Partial<ApplicationInProgress>) => {
    const current = get().application;
    if (current) set({ application: { ...current, ...patch } });
  };

  return {
    application: undefined,

    startApplication: async (serviceId) => {
      set({ screen: 'application', application: { phase: 'starting', answers: {}, shownIssues: [], refusedContinues: 0, returnToCheck: false, print: { status: 'idle' } } });
      try {
        const started = unwrap(await kiosk().startApplication({ serviceId }));
        if (get().application?.phase === 'starting') update({ phase: 'consent', started });
      } catch (error) {
        update({ phase: 'failed', error: errorCodeOf(error) });
      }
    },

    acceptConsent: () => {
      const application = get().application;
      if (!application?.started) return;
      update({ phase: 'question', pageId: visiblePageIds(application)[0], shownIssues: [] });
    },

    declineConsent: () => {
      const applicationId = get().application?.started?.applicationId;
      if (applicationId) void kiosk().cancelApplication({ applicationId });
      // Declining keeps nothing: the application is forgotten by the host too.
      set({ application: undefined, screen: 'catalogue' });
      get().reloadScreen();
    },

    setAnswer: (fieldId, value) => {
      const application = get().application;
      if (!application) return;
      const answers = { ...application.answers, [fieldId]: value };
      // Once the visitor has been shown errors, they update as the answer is corrected.
      const shownIssues =
        application.shownIssues.length > 0 && application.started && application.pageId
          ? pageIssues(application.started.form, application.pageId, answers, { today: today() }).filter((issue) => issue.severity === 'error')
          : [];
      update({ answers, shownIssues });
    },

    continueFromPage: () => {
      const application = get().application;
      if (!application?.started || !application.pageId) return;
      const issues = pageIssues(application.started.form, application.pageId, application.answers, { today: today() }).filter(
        (issue) => issue.severity === 'error',
      );
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
      if (!application?.started || application.phase !== 'declaration') return;
      update({ phase: 'submitting' });
      const { started } = application;
      try {
        const receipt = unwrap(
          await kiosk().submitApplication({
            applicationId: started.applicationId,
            language: get().language,
            consent: { privacyPolicyVersion: started.privacyPolicy.version, userAgreementVersion: started.userAgreement.version },
            answers: application.answers,
          }),
        );
        // The receipt is shown only now, after the host's commit; the answers are no longer needed.
        update({ phase: 'receipt', receipt, answers: {} });
      } catch (error) {
        update({ phase: 'failed', error: errorCodeOf(error) });
      }
    },

    applicationDelivered: (receiptNumber) => {
      const receipt = get().application?.receipt;
      if (receipt?.receiptNumber === receiptNumber) update({ receipt: { ...receipt, state: 'delivered' } });
    },

    printReceipt: async (receipt) => {
      update({ print: { status: 'printing' } });
      const result = await kiosk().printReceipt({ receipt });
      const outcome = result.ok ? (result.value.outcome === 'failed' ? result.value.reason : result.value.outcome) : 'PRINT_FAILED';
      update({ print: { status: 'done', outcome } });
    },
  };
};
