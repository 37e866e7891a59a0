import { z } from 'zod';
import { localizedTextSchema } from './language-schemas.js';
import { STATUSES_WITH_REASON } from './application-status.js';

/**
 * The reasons an officer may give for needs-action or rejected: templates, so every visitor reads
 * the same careful words in ky, ru and en and no officer's free text (possibly personal) reaches a
 * kiosk's screen. The portal reads the list at start (resources/portal/status-reasons.json).
 */
export const statusReasonIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,47}$/);

export const statusReasonSchema = z
  .object({
    id: statusReasonIdSchema,
    /** The statuses this reason may explain. */
    for: z.array(z.enum(STATUSES_WITH_REASON)).min(1),
    /** What is wrong, as the visitor reads it. */
    text: localizedTextSchema,
    /** What the visitor does next. */
    nextStep: localizedTextSchema,
  })
  .strict();
export type StatusReason = z.infer<typeof statusReasonSchema>;

export const statusReasonListSchema = z
  .object({ reasons: z.array(statusReasonSchema).min(1).max(200) })
  .strict()
  .refine(({ reasons }) => new Set(reasons.map((reason) => reason.id)).size === reasons.length, { message: 'reason ids must be unique' });
export type StatusReasonList = z.infer<typeof statusReasonListSchema>;
