import { z } from 'zod';
import { statusReasonIdSchema, statusReasonSchema } from '../domain/application-status-reasons.js';
import { STATUS_MOVE_REFUSALS } from '../domain/application-status.js';
import { languageSchema, localizedTextSchema } from '../domain/language-schemas.js';
import { APPLICATION_STATUSES, receiptNumberSchema } from '../domain/submission.js';

/**
 * What the back office's application endpoints carry: the officers' list (metadata only), an
 * opened application's answers, and a status change. Shared by the portal, which serves them, and
 * the back office web app; the endpoints are declared in portal.ts with the rest of the API.
 */

const kioskCodeText = z.string().regex(/^[0-9A-Z]{4}$/);
/** An office: the first three characters of its kiosks' codes. */
const officeCodeText = z.string().regex(/^[0-9A-Z]{3}$/);
const serviceIdText = z.string().min(1).max(64);

/** Where the next page starts: the last application of the page before. */
export const applicationCursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.uuid() }).strict();

export type ApplicationCursor = z.infer<typeof applicationCursorSchema>;

export const APPLICATION_PAGE_MAX = 100;
/** The page size the back office's list asks for. */
export const APPLICATION_PAGE_SIZE = 25;

export const applicationSearchSchema = z
  .object({
    status: z.enum(APPLICATION_STATUSES).optional(),
    serviceId: serviceIdText.optional(),
    kioskCode: kioskCodeText.optional(),
    officeCode: officeCodeText.optional(),
    /** One application by its receipt number, as printed (BSK1-7K4Q-2MXR-Q, or the older BSK1-0000-17): the other filters still apply. */
    receiptNumber: receiptNumberSchema.optional(),
    after: applicationCursorSchema.nullable().optional(),
    limit: z.number().int().min(1).max(APPLICATION_PAGE_MAX).optional(),
  })
  .strict();
export type ApplicationSearch = z.infer<typeof applicationSearchSchema>;

/** An application in the list: never an answer. */
export const applicationSummarySchema = z.object({
  id: z.uuid(),
  receiptNumber: receiptNumberSchema,
  serviceId: z.string(),
  kioskCode: z.string(),
  assistedBy: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusUpdatedAt: z.iso.datetime(),
});

/** A service as the latest published catalogue names it, for the list's titles and its service filter. */
export const listedServiceSchema = z.object({ id: z.string(), title: localizedTextSchema });

export const applicationPageSchema = z.object({
  applications: z.array(applicationSummarySchema),
  /** Null on the last page. */
  next: applicationCursorSchema.nullable(),
  /** The services of the latest published catalogue (empty before the first package). */
  services: z.array(listedServiceSchema),
});
export type ApplicationPage = z.infer<typeof applicationPageSchema>;

export const openApplicationRequestSchema = z.object({ language: languageSchema }).strict();

const leafAnswerSchema = z.object({
  fieldId: z.string(),
  question: z.string(),
  answer: z.unknown(),
  chosen: z.array(z.string()).optional(),
});
/** A question with the visitor's answer; a repeated group's items are lists of answers of their own. */
export const openedAnswerSchema = leafAnswerSchema.extend({ items: z.array(z.array(leafAnswerSchema)).optional() });

/** One status change: who (the back office user id), when, from, to, and the reason template. */
export const statusChangeEntrySchema = z.object({
  at: z.iso.datetime(),
  by: z.number().int(),
  from: z.enum(APPLICATION_STATUSES),
  to: z.enum(APPLICATION_STATUSES),
  reasonId: statusReasonIdSchema.nullable(),
});

export const openedApplicationSchema = z.object({
  application: applicationSummarySchema.extend({ formId: z.string(), formVersion: z.number().int(), language: languageSchema }),
  answers: z.array(openedAnswerSchema),
  /** Every status change so far, oldest first. */
  history: z.array(statusChangeEntrySchema),
  /** The reason templates an officer may choose from, with what the visitor will read, in every language. */
  reasons: z.array(statusReasonSchema),
});
export type OpenedApplication = z.infer<typeof openedApplicationSchema>;

/**
 * The application cannot be shown: no key configured, sealed to another key, does not open, its
 * form's package is not here, or its answers were removed under the retention policy (then
 * `purgedAt` says when; the metadata and the status history stay).
 */
export const CANNOT_OPEN_CODE = 'CANNOT_OPEN';
export const CANNOT_OPEN_REASONS = ['NO_KEY', 'OTHER_KEY', 'DOES_NOT_OPEN', 'FORM_UNKNOWN', 'ANSWERS_PURGED'] as const;
export const cannotOpenSchema = z.object({
  error: z.object({
    code: z.literal(CANNOT_OPEN_CODE),
    message: z.string(),
    reason: z.enum(CANNOT_OPEN_REASONS),
    purgedAt: z.iso.datetime().optional(),
  }),
});

/**
 * A move from the status the officer's page showed (`expected`): when another officer moved the
 * application meanwhile, the move is refused (STATUS_MOVED) with the status it now has.
 */
export const statusChangeRequestSchema = z
  .object({ to: z.enum(APPLICATION_STATUSES), reasonId: statusReasonIdSchema.nullable(), expected: z.enum(APPLICATION_STATUSES) })
  .strict();

export const statusChangedSchema = z.object({ status: z.enum(APPLICATION_STATUSES), reasonId: statusReasonIdSchema.nullable() });

/**
 * A move the portal refuses, with why: the workflow has no such step, the reason is missing, not
 * taken, unknown or not one for that status, or another officer moved the application first.
 */
export const STATUS_MOVE_REFUSED_CODE = 'STATUS_MOVE_REFUSED';
export const STATUS_CHANGE_REFUSALS = [...STATUS_MOVE_REFUSALS, 'UNKNOWN_REASON', 'REASON_NOT_FOR_STATUS', 'STATUS_MOVED'] as const;
export const statusMoveRefusedSchema = z.object({
  error: z.object({
    code: z.literal(STATUS_MOVE_REFUSED_CODE),
    message: z.string(),
    refusal: z.enum(STATUS_CHANGE_REFUSALS),
    from: z.enum(APPLICATION_STATUSES),
  }),
});
