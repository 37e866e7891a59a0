import { z } from 'zod';
import { APPLICATION_STATUSES, receiptNumberSchema, submissionEnvelopeSchema } from '../domain/submission.js';

/**
 * The central portal's API under /v1, written once: the portal validates requests with these
 * schemas, the kiosk's sync engine builds them, and the portal serves them as an OpenAPI document
 * so the real portal team can implement the same contract.
 *
 * Every kiosk request carries `Authorization: Bearer <kiosk credential>` (issued per kiosk by an
 * administrator). Errors are `{ error: { code, message } }` with the codes below.
 */
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

const MAX_SEALED_BASE64 = 2 * 1024 * 1024;

/**
 * POST /v1/submissions with `Idempotency-Key: <id>`. The same id with the same body answers the
 * first result again (200); the same id with a different body is 409 IDEMPOTENCY_CONFLICT; a new
 * id is stored once (201). The answers stay sealed; only the portal's private key opens them.
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
/** GET /v1/applications/{receiptNumber}: what a visitor may learn by receipt number; nothing personal. */
export const applicationStatusSchema = z.object({
  receiptNumber: receiptNumberSchema,
  serviceId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  updatedAt: z.iso.datetime(),
});
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

/** POST /v1/heartbeats: the fleet view for administrators. No personal data. */
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

export const PORTAL_PATHS = {
  submissions: '/v1/submissions',
  applicationStatus: (receiptNumber: string) => `/v1/applications/${receiptNumber}`,
  heartbeats: '/v1/heartbeats',
  contentManifest: '/v1/content/manifest',
  openApi: '/v1/openapi.json',
} as const;
