import { z } from 'zod';
import type { Channel, HostEventName } from './channels.js';
import { CATEGORY_ICONS, LEGAL_TEXT_KINDS, SAMPLE_MEDIA_TYPES } from '../content/content-schema.js';
import { contentProblemSchema } from '../content/content-meaning.js';
import { CONTENT_REJECTION_CODES } from '../content/package-verification.js';
import { STAFF_ROLES, staffCardNumberSchema, staffIdSchema, staffPinSchema } from '../content/staff-schema.js';
import { formDefinitionSchema } from '../forms/form-schema.js';
import { APPLICATION_STATUSES, DOWNLOAD_STATES, OUTBOX_STATES, SYNC_STATES, receiptNumberSchema } from '../domain/submission.js';
import { languageSchema, localizedTextSchema } from '../domain/language-schemas.js';
import type { Result } from './result.js';
import { KIOSK_ALARMS } from './kiosk-alarms.js';
import { UPDATE_STATES } from './update-states.js';

export { CHANNELS, HOST_EVENTS, type Channel, type HostEventName } from './channels.js';

/** How a screen can fail: it threw while drawing or handling a touch, or its form's rules ran past their time budget. */
export const SCREEN_FAILURE_KINDS = ['threw', 'too-slow'] as const;

/** The most services one listServices answer carries. */
export const SERVICE_PAGE_MAX = 500;

const languageRequest = z.object({ language: languageSchema }).strict();
const idSchema = z.string().min(1).max(64);

const serviceSummarySchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  title: z.string(),
  summary: z.string(),
  priceSom: z.number(),
  priceAssumed: z.boolean(),
  processingDays: z.number(),
  processingAssumed: z.boolean(),
  /** False once its form failed on this kiosk's screen: the visitor is sent to staff instead. */
  availableHere: z.boolean(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

const serviceDetailSchema = serviceSummarySchema.extend({
  description: z.string(),
  whoMayApply: z.string(),
  agency: z.string(),
  priceNote: z.string().optional(),
  processingNote: z.string().optional(),
  urgencyTiers: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      amountSom: z.number(),
      workingDays: z.number().optional(),
      hours: z.number().optional(),
      note: z.string().optional(),
    }),
  ),
  requiredDocuments: z.array(z.object({ id: z.string(), title: z.string(), note: z.string().optional() })),
  sampleForms: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      mediaType: z.enum(SAMPLE_MEDIA_TYPES),
      /** The languages it is written in; empty when the content does not say. */
      languages: z.array(languageSchema),
    }),
  ),
  formId: z.string(),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

const categorySummarySchema = z.object({
  id: z.string(),
  icon: z.enum(CATEGORY_ICONS),
  title: z.string(),
  description: z.string(),
  serviceCount: z.number(),
});
export type CategorySummary = z.infer<typeof categorySummarySchema>;

const kioskInfoSchema = z.object({
  appVersion: z.string(),
  contentVersion: z.number().nullable(),
  officeName: localizedTextSchema.nullable(),
  support: z.object({ email: z.string(), phone: z.string(), hours: localizedTextSchema }).nullable(),
  officeAddress: localizedTextSchema.nullable(),
  /** How and where to pay in this office. */
  payment: localizedTextSchema.nullable(),
  visitorIdleSeconds: z.number(),
  idleWarningSeconds: z.number(),
  /** How long a signed-in clerk's kiosk may sit untouched before the session ends; the warning takes idleWarningSeconds of it. */
  clerkIdleSeconds: z.number(),
  /** The kiosk trusts a key whose private half is public (the repository's demo keys): the screen carries a permanent demo mark. */
  demo: z.boolean(),
});
export type KioskInfo = z.infer<typeof kioskInfoSchema>;

const contentEventSchema = z.object({
  at: z.string(),
  source: z.enum(['bundled', 'portal', 'folder']),
  outcome: z.enum(['applied', 'rejected', 'failed']),
  version: z.number().nullable(),
  code: z.string().nullable(),
  detail: z.string().nullable(),
  problem: contentProblemSchema.nullable(),
});

const contentStatusSchema = z.object({
  activeVersion: z.number().nullable(),
  activeKeyId: z.string().nullable(),
  signedWithDemoKey: z.boolean(),
  expires: z.string().nullable(),
  previousVersion: z.number().nullable(),
  portalUrl: z.string().nullable(),
  lastCheckAt: z.string().nullable(),
  download: z.object({
    state: z.enum(DOWNLOAD_STATES),
    receivedBytes: z.number(),
    totalBytes: z.number(),
  }),
  events: z.array(contentEventSchema),
});
export type ContentStatus = z.infer<typeof contentStatusSchema>;

const installOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('applied'), version: z.number() }),
  z.object({ outcome: z.literal('unchanged') }),
  z.object({ outcome: z.literal('not-found') }),
  z.object({ outcome: z.literal('rejected'), code: z.enum(CONTENT_REJECTION_CODES), detail: z.string() }),
  z.object({ outcome: z.literal('failed'), detail: z.string() }),
]);
export type InstallOutcome = z.infer<typeof installOutcomeSchema>;

/** Whether this kiosk holds a credential for the portal, and where it came from; never the credential. */
const enrolmentStatusSchema = z.object({
  portal: z.boolean(),
  enrolled: z.boolean(),
  /** `environment`: KIOSK_PORTAL_TOKEN (tests, scripted set-ups), which wins at start; `enrolment`: the credential file. */
  source: z.enum(['environment', 'enrolment']).nullable(),
});
export type EnrolmentStatus = z.infer<typeof enrolmentStatusSchema>;

/**
 * What came of typing an enrolment code: enrolled (delivery goes on with the new credential at
 * once), a code the check character shows is mistyped, one the portal refused (wrong, used,
 * expired or replaced: it does not say which), too many tries (retryAfterSeconds), the portal not
 * answering, or no portal configured.
 */
/** `enrolled-not-stored`: the portal issued the credential and the kiosk delivers with it, but could not write it to its disk: it is lost at the next restart. */
export const ENROLMENT_OUTCOMES = ['enrolled', 'enrolled-not-stored', 'code-mistyped', 'code-refused', 'too-many-tries', 'portal-unreachable', 'no-portal'] as const;
const enrolmentOutcomeSchema = z.object({ outcome: z.enum(ENROLMENT_OUTCOMES), retryAfterSeconds: z.number().int().positive().optional() });
export type EnrolmentOutcome = z.infer<typeof enrolmentOutcomeSchema>;

const legalTextForConsentSchema = z.object({
  kind: z.enum(LEGAL_TEXT_KINDS),
  version: z.string(),
  title: localizedTextSchema,
  summary: localizedTextSchema.optional(),
  body: localizedTextSchema,
});
export type LegalTextForConsent = z.infer<typeof legalTextForConsentSchema>;

const startedApplicationSchema = z.object({
  applicationId: z.string(),
  serviceId: z.string(),
  contentVersion: z.number(),
  form: formDefinitionSchema,
  privacyPolicy: legalTextForConsentSchema,
  userAgreement: legalTextForConsentSchema,
  /** Texts this service adds (the certification centre's policy for an e-signature). */
  additionalLegalTexts: z.array(legalTextForConsentSchema),
});
export type StartedApplication = z.infer<typeof startedApplicationSchema>;

const submittedApplicationSchema = z.object({
  receiptNumber: z.string(),
  createdAt: z.string(),
  state: z.enum(OUTBOX_STATES),
  /** What this visitor pays, from the form's calculation or the service's price. */
  amountToPaySom: z.number(),
  /** The service's documents that apply to these answers, in catalogue order. */
  documentIds: z.array(z.string()),
  /** The public status page for this number (the receipt's QR), when the content names one. */
  statusLookupUrl: z.string().nullable(),
  /** The clerk signed in on the kiosk when it was submitted, who filled it for the visitor; null for a visitor alone. */
  assistedBy: z.object({ staffId: z.string(), displayName: z.string() }).nullable(),
});
export type SubmittedApplication = z.infer<typeof submittedApplicationSchema>;

const applicationIdSchema = z.uuid();

const printOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('printed') }),
  z.object({ outcome: z.literal('saved'), file: z.string() }),
  z.object({ outcome: z.literal('failed'), reason: z.enum(['NO_PRINTER', 'PRINT_FAILED']) }),
]);

const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  online: z.boolean().nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pausedReason: z.string().nullable(),
  queued: z.number(),
  quarantined: z.number(),
  delivered: z.number(),
  oldestQueuedAgeSeconds: z.number().nullable(),
  /** The portal refused this kiosk's audit chain, or holds more of it than the kiosk does: where it breaks and why. */
  auditAlarm: z.object({ brokenAt: z.number(), reason: z.string() }).nullable().optional(),
  /** What the kiosk raises about itself (a full disk, a log that cannot be written), cleared when the cause goes. */
  kioskAlarms: z.array(z.enum(KIOSK_ALARMS)).optional(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

/** The kiosk's own software update, for the service panel. */
const updateStatusSchema = z.object({
  state: z.enum(UPDATE_STATES),
  /** The version being fetched or ready to install; null when there is none. */
  version: z.string().nullable(),
  /** Download progress, 0 to 100, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  lastCheckAt: z.string().nullable(),
  /** The nightly window the update waits for, HH:MM to HH:MM in office time. */
  window: z.object({ from: z.string(), to: z.string() }),
  nightlyRestart: z.boolean(),
});
export type UpdateStatusView = z.infer<typeof updateStatusSchema>;

const signedInStaffSchema = z.object({ staffId: z.string(), displayName: z.string(), roles: z.array(z.enum(STAFF_ROLES)) });
export type SignedInStaffView = z.infer<typeof signedInStaffSchema>;

/** A staff member names themselves by staff id or by card number, never both, and types their PIN. */
const staffSignInRequestSchema = z.union([
  z.object({ staffId: staffIdSchema, pin: staffPinSchema }).strict(),
  z.object({ cardNumber: staffCardNumberSchema, pin: staffPinSchema }).strict(),
]);

/** One application in the clerk's queue view: metadata only, never a visitor's answers. */
const queuedApplicationSchema = z.object({
  receiptNumber: z.string(),
  serviceId: z.string(),
  /** In the requested language, from the active catalogue; the id when the service is gone. */
  serviceTitle: z.string(),
  createdAt: z.string(),
  state: z.enum(OUTBOX_STATES),
  /** The code the kiosk stored (e.g. a portal refusal code), never free text from a visitor. */
  quarantineReason: z.string().nullable(),
  assistedBy: z.object({ staffId: z.string(), displayName: z.string() }).nullable(),
});
export type QueuedApplicationView = z.infer<typeof queuedApplicationSchema>;

const queueViewSchema = z.object({
  applications: z.array(queuedApplicationSchema),
  /** How many rows this kiosk holds in all. */
  totalInQueue: z.number(),
  /** As the heartbeat's printerState says it today. */
  printer: z.enum(['ready', 'pdf']),
});
export type QueueView = z.infer<typeof queueViewSchema>;

/**
 * The one map of everything the renderer may ask the host. The router, the Electron preload and
 * the browser bridge are all derived from it, so a channel without a handler is a type error and
 * a renamed channel breaks the build rather than the kiosk.
 */
export const ipcContract = {
  getKioskInfo: { request: z.object({}).strict(), response: kioskInfoSchema },
  listCategories: { request: languageRequest, response: z.array(categorySummarySchema) },
  listServices: {
    request: z
      .object({
        language: languageSchema,
        categoryId: idSchema.optional(),
        /** A page of the list: a category may hold thousands of services, the screen asks for a screenful at a time. */
        offset: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(SERVICE_PAGE_MAX).optional(),
      })
      .strict(),
    response: z.array(serviceSummarySchema),
  },
  getService: {
    request: z.object({ language: languageSchema, serviceId: idSchema }).strict(),
    response: serviceDetailSchema,
  },
  searchServices: {
    request: z.object({ language: languageSchema, query: z.string().max(200) }).strict(),
    response: z.array(serviceSummarySchema),
  },
  getSampleForm: {
    request: z.object({ serviceId: idSchema, sampleId: idSchema }).strict(),
    response: z.object({ mediaType: z.enum(SAMPLE_MEDIA_TYPES), dataBase64: z.string() }),
  },
  getContentStatus: { request: z.object({}).strict(), response: contentStatusSchema },
  checkForContentUpdate: { request: z.object({}).strict(), response: installOutcomeSchema },
  importContentFromRemovableMedia: { request: z.object({}).strict(), response: installOutcomeSchema },
  startApplication: { request: z.object({ serviceId: idSchema }).strict(), response: startedApplicationSchema },
  submitApplication: {
    request: z
      .object({
        applicationId: applicationIdSchema,
        language: languageSchema,
        consent: z
          .object({
            privacyPolicyVersion: z.string().max(32),
            userAgreementVersion: z.string().max(32),
            /** The version of each additional text the service asked for, as the visitor was shown it. */
            additional: z.array(z.object({ kind: z.enum(LEGAL_TEXT_KINDS), version: z.string().max(32) }).strict()).max(3).optional(),
          })
          .strict(),
        // Checked field by field by the form engine against the form the application began with.
        answers: z.record(z.string().max(64), z.unknown()),
      })
      .strict(),
    response: submittedApplicationSchema,
  },
  /**
   * A screen failed while a visitor used it (threw, or its form took longer than its time budget).
   * Names and ids only, never a message: an error's text could quote an answer.
   */
  reportScreenFailure: {
    request: z
      .object({
        screen: z.string().regex(/^[a-z-]{1,40}$/),
        kind: z.enum(SCREEN_FAILURE_KINDS),
        errorName: z.string().regex(/^[A-Za-z]{1,60}$/),
        serviceId: idSchema.optional(),
      })
      .strict(),
    response: z.object({ serviceDisabled: z.boolean() }),
  },
  cancelApplication: { request: z.object({ applicationId: applicationIdSchema }).strict(), response: z.object({}) },
  getSyncStatus: { request: z.object({}).strict(), response: syncStatusSchema },
  /** For the service panel: where the kiosk's own software update stands. */
  getUpdateStatus: { request: z.object({}).strict(), response: updateStatusSchema },
  /**
   * The page says a visit (or a clerk's work for one) opened or ended: the host installs an
   * update or restarts only while none is open, and clears the browser's storage when one ends.
   */
  reportVisit: { request: z.object({ open: z.boolean() }).strict(), response: z.object({}) },
  syncNow: { request: z.object({}).strict(), response: z.object({}) },
  /** A visitor asks where an application stands, by its receipt number (online only). */
  lookupApplication: {
    request: z.object({ receiptNumber: z.string().min(1).max(40) }).strict(),
    response: z.object({
      receiptNumber: z.string(),
      serviceId: z.string(),
      status: z.enum(APPLICATION_STATUSES),
      /** Why the office needs the visitor or refused, and what to do next, in every language (the page picks the visitor's). */
      reason: z.object({ text: localizedTextSchema, nextStep: localizedTextSchema }).nullable(),
      updatedAt: z.string(),
      /** Whether this kiosk still holds it in its queue (not yet sent). */
      queuedHere: z.boolean(),
    }),
  },
  /** The host composes the receipt from what it stored and the catalogue: the page names the number, nothing more. */
  printReceipt: {
    request: z.object({ receiptNumber: receiptNumberSchema }).strict(),
    response: printOutcomeSchema,
  },
  /** A blank paper form for the service, written by the host from the form definition in the visitor's language. */
  printBlankForm: {
    request: z.object({ serviceId: idSchema, language: languageSchema }).strict(),
    response: printOutcomeSchema,
  },
  /** Refused with WRONG_PIN (details.attemptsLeft) or LOCKED (details.until); one staff member is signed in at a time. */
  signInStaff: { request: staffSignInRequestSchema, response: signedInStaffSchema },
  /** An explicit sign-out, or the page's clerk idle timer running out (`idle-timeout`). */
  signOutStaff: { request: z.object({ reason: z.enum(['signed-out', 'idle-timeout']).optional() }).strict(), response: z.object({}) },
  /** Who is signed in on this kiosk now, or null. */
  getStaffSession: { request: z.object({}).strict(), response: signedInStaffSchema.nullable() },
  /** The clerk's queue view: this kiosk's applications, the newest 200 first; FORBIDDEN unless a clerk is signed in. */
  listQueue: { request: z.object({ language: languageSchema }).strict(), response: queueViewSchema },
  /** The service panel's enrolment state; FORBIDDEN unless a technician is signed in. */
  getEnrolmentStatus: { request: z.object({}).strict(), response: enrolmentStatusSchema },
  /** Trades a one-time enrolment code for this kiosk's credential; FORBIDDEN unless a technician is signed in. */
  enrolKiosk: { request: z.object({ code: z.string().min(1).max(40) }).strict(), response: enrolmentOutcomeSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type ChannelRequest<C extends Channel> = z.infer<(typeof ipcContract)[C]['request']>;
export type ChannelResponse<C extends Channel> = z.infer<(typeof ipcContract)[C]['response']>;

export const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(ipcContract, name);

export interface HostEventPayloads {
  contentUpdated: { version: number };
  applicationDelivered: { receiptNumber: string };
  /** Delivery state, queue counts or an alarm (a paused credential) changed. */
  syncStatusChanged: SyncStatusView;
  /** A content check, download, install or refusal changed what the service panel shows. */
  contentStatusChanged: ContentStatus;
  /**
   * The host ended the staff session without the page asking: nobody asked anything for the clerk
   * idle time and its grace, or applied content or a staff list took away the person's record or
   * one of the roles they signed in with, or gave their record a new PIN (pin-changed). The page
   * wipes what it shows and returns to the attract screen.
   */
  staffSessionEnded: { reason: 'idle-timeout' | 'staff-record-removed' | 'role-removed' | 'pin-changed' };
  /** A signed staff list from the portal is now the kiosk's staff (its version): who may sign in has changed. */
  staffListUpdated: { version: number };
}
export type HostEvent = { [E in HostEventName]: { name: E; payload: HostEventPayloads[E] } }[HostEventName];

/** What `window.kiosk` offers the renderer: one named function per channel and per event, nothing else. */
export type KioskApi = {
  [C in Channel]: (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;
} & {
  [E in HostEventName as `on${Capitalize<E>}`]: (listener: (payload: HostEventPayloads[E]) => void) => () => void;
};
