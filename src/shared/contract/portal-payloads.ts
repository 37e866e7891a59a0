import { z } from 'zod';
import { manifestSchema } from '../content/content-schema.js';
import { CONTENT_REJECTION_CODES, type ContentRejectionCode } from '../content/package-verification.js';
import { normaliseReceiptNumber } from '../domain/receipt-number.js';
import { APPLICATION_STATUSES, receiptNumberSchema, submissionEnvelopeSchema } from '../domain/submission.js';

/**
 * What travels in the portal API's bodies and error answers: the payload half of the portal
 * contract (portal.ts holds the endpoints and re-exports all of this). The submission request is
 * the shared envelope plus the sealed answers; nothing of the envelope is typed again here.
 */

/** The sealed answers of one submission, base64, at most this long (inside the submission's body limit). */
export const MAX_SEALED_BASE64 = 2 * 1024 * 1024;

// ---- errors ------------------------------------------------------------------------------------------

export const PORTAL_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type PortalErrorCode = (typeof PORTAL_ERROR_CODES)[number];
export const portalErrorSchema = z.object({ error: z.object({ code: z.enum(PORTAL_ERROR_CODES), message: z.string() }) });
export type PortalError = z.infer<typeof portalErrorSchema>;

/** Publishing names the check a package failed with its own codes (see package-verification). */
export const contentErrorSchema = z.object({ error: z.object({ code: z.enum(CONTENT_REJECTION_CODES), message: z.string() }) });
export type ContentError = z.infer<typeof contentErrorSchema>;
export type PortalAnswerCode = PortalErrorCode | ContentRejectionCode;

// ---- payloads ----------------------------------------------------------------------------------------

/**
 * POST /v1/submissions: the envelope plus the sealed answers. The same id with the same body
 * answers the first result again (200); the same id with a different body is 409
 * IDEMPOTENCY_CONFLICT; a new id is stored once (201). Only the portal's private key opens `sealed`.
 */
export const submissionRequestSchema = submissionEnvelopeSchema.extend({ sealed: z.base64().max(MAX_SEALED_BASE64) }).strict();
export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

export const submissionAcceptedSchema = z.object({
  id: z.uuid(),
  receiptNumber: receiptNumberSchema,
  acceptedAt: z.iso.datetime(),
});
export type SubmissionAccepted = z.infer<typeof submissionAcceptedSchema>;

export { APPLICATION_STATUSES };
/** What a visitor may learn by receipt number; nothing personal. */
export const applicationStatusSchema = z.object({
  receiptNumber: receiptNumberSchema,
  serviceId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  updatedAt: z.iso.datetime(),
});
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

/** The fleet view for administrators. No personal data. */
export const heartbeatSchema = z
  .object({
    appVersion: z.string().regex(/^\d+\.\d+\.\d+/),
    contentVersion: z.number().int().nonnegative().nullable(),
    queueDepth: z.number().int().nonnegative(),
    oldestQueuedAgeSeconds: z.number().nonnegative().nullable(),
    quarantined: z.number().int().nonnegative(),
    lastSyncAt: z.iso.datetime().nullable(),
    printerState: z.enum(['ready', 'no-printer', 'error', 'pdf']),
  })
  .strict();
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** The files a content package may hold, as paths inside the package. */
export const PACKAGE_FILE_PATH = /^(manifest\.sig|manifest\.json|catalogue\.json|samples\/[a-z0-9][a-z0-9._-]*)$/;
export const packageFilePathSchema = z.string().regex(PACKAGE_FILE_PATH);
/** A published package's version as it appears in a path: a positive integer without leading zeros. */
export const packageVersionSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number)
  .pipe(z.number().int().positive());

/** PUT /v1/admin/content: every file of a signed package, base64. */
export const publishContentRequestSchema = z.object({ files: z.record(packageFilePathSchema, z.string()) });
export type PublishContentRequest = z.infer<typeof publishContentRequestSchema>;
export const contentPublishedSchema = z.object({ version: z.number().int().positive() });

/** A receipt number exactly as issued: upper case, hyphenated, with a matching check character. */
export const issuedReceiptNumberSchema = receiptNumberSchema.refine(
  (value) => normaliseReceiptNumber(value) === value,
  'Not a receipt number (XXXX-XXXX-XX, upper case, with its check character).',
);

/**
 * Named schemas: the OpenAPI document lists them under components.schemas and refers to them by
 * these names, so the document reads like the contract.
 */
export const portalSchemaRegistry = z.registry<{ id: string }>();
portalSchemaRegistry.add(submissionRequestSchema, { id: 'SubmissionRequest' });
portalSchemaRegistry.add(submissionAcceptedSchema, { id: 'SubmissionAccepted' });
portalSchemaRegistry.add(applicationStatusSchema, { id: 'ApplicationStatus' });
portalSchemaRegistry.add(heartbeatSchema, { id: 'Heartbeat' });
portalSchemaRegistry.add(portalErrorSchema, { id: 'Error' });
portalSchemaRegistry.add(contentErrorSchema, { id: 'ContentError' });
portalSchemaRegistry.add(manifestSchema, { id: 'ContentManifest' });
portalSchemaRegistry.add(publishContentRequestSchema, { id: 'PublishContentRequest' });
