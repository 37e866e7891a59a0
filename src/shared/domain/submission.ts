import { z } from 'zod';
import { staffIdSchema } from '../content/staff-schema.js';
import { languageSchema } from './language-schemas.js';

/**
 * A submission's envelope, declared once: the non-personal facts that travel with the sealed
 * answers. The kiosk's outbox row, the request to the portal and the portal's stored row are all
 * derived from this schema: a new field (the assisting clerk, say) is declared here, and each store
 * then needs only a migration that adds its column (named by `envelopeColumn`).
 */
/** A receipt number's shape, in either form: BSK1-7K4Q-2MXR-P (random) or BSK1-7K4Q-2M (the old sequential form). */
export const RECEIPT_NUMBER_PATTERN = /^[0-9A-Z]{4}-[0-9A-Z]{4}-(?:[0-9A-Z]{4}-[0-9A-Z]|[0-9A-Z]{2})$/;
export const receiptNumberSchema = z.string().regex(RECEIPT_NUMBER_PATTERN);

export const submissionEnvelopeSchema = z
  .object({
    id: z.uuid(),
    receiptNumber: receiptNumberSchema,
    serviceId: z.string().min(1).max(64),
    formId: z.string().min(1).max(64),
    formVersion: z.number().int().positive(),
    contentVersion: z.number().int().positive(),
    privacyPolicyVersion: z.string().min(1).max(32),
    userAgreementVersion: z.string().min(1).max(32),
    language: languageSchema,
    createdAt: z.iso.datetime(),
    sealedFormat: z.string().min(1).max(64),
    sealedKeyId: z.string().min(1).max(64),
    /**
     * The staff id of the clerk who filled the application for the visitor, or null for a visitor
     * alone. The kiosk's host sets it from who is signed in, never from the page. Optional because a
     * kiosk older than this field does not send it: the portal stores that as null, and its body
     * still hashes as it did before the field existed.
     */
    assistedBy: staffIdSchema.nullable().optional(),
  })
  .strict();
export type SubmissionEnvelope = z.infer<typeof submissionEnvelopeSchema>;
/** The envelope's fields, in one order, for code that maps them to columns. */
export const SUBMISSION_ENVELOPE_FIELDS = Object.keys(submissionEnvelopeSchema.shape) as (keyof SubmissionEnvelope)[];
/** The SQL column that holds an envelope field, in both the kiosk's and the portal's stores: `receiptNumber` → `receipt_number`. */
export const envelopeColumn = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Where an application stands in a kiosk's outbox. */
export const OUTBOX_STATES = ['queued', 'sending', 'delivered', 'quarantined'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** What the kiosk's delivery to the portal is doing. */
export const SYNC_STATES = ['not-configured', 'idle', 'sending', 'waiting', 'offline', 'paused'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** What the kiosk's content download is doing. */
export const DOWNLOAD_STATES = ['idle', 'checking', 'downloading', 'applying', 'failed'] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

/**
 * Where an application stands at the portal, as officers move it (application-status.ts says
 * which moves are allowed). A visitor's lookup shows it with the reason and the next step.
 */
export const APPLICATION_STATUSES = ['received', 'in-review', 'needs-action', 'ready-for-pickup', 'issued', 'rejected'] as const;
export type ApplicationStatusName = (typeof APPLICATION_STATUSES)[number];

/**
 * The four statuses kiosks knew before the workflow above. The lookup answer keeps `status` in
 * these words, because a kiosk with an older app parses it with an enum of exactly these: a new
 * word there would make its lookup fail. Newer kiosks read the six statuses from `state`.
 */
export const LEGACY_APPLICATION_STATUSES = ['received', 'processing', 'ready', 'rejected'] as const;
export type LegacyApplicationStatusName = (typeof LEGACY_APPLICATION_STATUSES)[number];
