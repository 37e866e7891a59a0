import { createHash } from 'node:crypto';
import { normaliseReceiptNumber } from '../../shared/domain/receipt-number.js';
import { submissionRequestSchema, type SubmissionRequest } from '../../shared/contract/portal.js';
import { normaliseSubmissionId } from '../storage/portal-store.js';
import { unstorableTextField } from '../storage/storable-text.js';

/**
 * What only the portal can check about a submission the contract's schema accepted, and what "the
 * same body" means for idempotency. No message repeats what the kiosk sent beyond a field's name.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Why a submission the schema accepted cannot be stored, or null: a receipt number whose check
 * character is wrong, text that storage cannot hold, or an upper-case id. The id is sealed into
 * the blob's associated data as the kiosk wrote it, so the portal may not rewrite it; an upper-case
 * id is refused rather than stored under a spelling its blob would not open with.
 */
export function submissionProblem(request: SubmissionRequest): string | null {
  const unstorable = unstorableTextField(request);
  if (unstorable) return `Invalid request: ${unstorable}: text with a NUL character or a lone surrogate.`;
  if (normaliseReceiptNumber(request.receiptNumber) !== request.receiptNumber) {
    return 'Invalid request: receiptNumber: the check character does not match.';
  }
  if (normaliseSubmissionId(request.id) !== request.id) return 'Invalid request: id: must be lower case.';
  return null;
}

/** The contract's schema and then the portal's own checks: exactly what the portal stores. */
export function checkSubmission(body: unknown): Checked<SubmissionRequest> {
  const parsed = submissionRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: 'Invalid request.' };
  const problem = submissionProblem(parsed.data);
  return problem ? { ok: false, message: problem } : { ok: true, value: parsed.data };
}

/**
 * SHA-256 (hex) of the canonical JSON of the validated request: what "the same body" means for
 * idempotency. A field added to the envelope later counts as absent while it says nothing: an
 * older kiosk's body (without `assistedBy`) hashes as it did before the portal knew the field, so
 * it replays after the update, and `assistedBy: null` is the same body as leaving it out.
 */
export function submissionBodyHash(request: SubmissionRequest): string {
  const { assistedBy, ...withoutClerk } = request;
  const hashed = assistedBy === null || assistedBy === undefined ? withoutClerk : request;
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
