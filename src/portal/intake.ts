import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { normaliseReceiptNumber } from '../shared/domain/receipt-number.js';
import { submissionRequestSchema, type SubmissionRequest } from '../shared/contract/portal.js';
import { normaliseSubmissionId } from './storage/portal-store.js';

/**
 * Turning request bytes into a validated request, or into the reason why not. Nothing here
 * touches storage, and no message repeats what the kiosk sent beyond a field's path.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8, then JSON. */
export function parseJsonBody(bytes: Uint8Array): Checked<unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'The body is not UTF-8.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'The body is not JSON.' };
  }
}

/** Validates against a contract schema; the message names the first failing field only, never its value. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.map((part) => (typeof part === 'symbol' ? '?' : String(part))).join('.') : '(body)';
    return { ok: false, message: clip(`Invalid request: ${clip(path, 80)}: ${issue?.code ?? 'invalid'}.`, 200) };
  }
  const bad = Object.entries(parsed.data as Record<string, unknown>).find(([, field]) => typeof field === 'string' && !storableText(field));
  if (bad) return { ok: false, message: `Invalid request: ${bad[0]}: text with a NUL character or a lone surrogate.` };
  return { ok: true, value: parsed.data };
}

/**
 * The submission contract plus what only the portal can check: the receipt number's check
 * character, and a lower-case id. The id is sealed into the blob's associated data as the kiosk
 * wrote it, so the portal may not rewrite it; an upper-case id is refused rather than stored under
 * a spelling its blob would not open with.
 */
export function checkSubmission(body: unknown): Checked<SubmissionRequest> {
  const checked = validate(submissionRequestSchema, body);
  if (!checked.ok) return checked;
  const request = checked.value;
  if (normaliseReceiptNumber(request.receiptNumber) !== request.receiptNumber) {
    return { ok: false, message: 'Invalid request: receiptNumber: the check character does not match.' };
  }
  if (normaliseSubmissionId(request.id) !== request.id) return { ok: false, message: 'Invalid request: id: must be lower case.' };
  return { ok: true, value: request };
}

/** SHA-256 (hex) of the canonical JSON of the validated request: what "the same body" means for idempotency. */
export function submissionBodyHash(request: SubmissionRequest): string {
  return createHash('sha256').update(canonicalJson(request), 'utf8').digest('hex');
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

/** PostgreSQL text cannot hold NUL, and a lone surrogate has no UTF-8 form: both would change or fail in storage. */
function storableText(text: string): boolean {
  return !text.includes('\u0000') && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
