import { readFileSync } from 'node:fs';
import { statusReasonListSchema, type StatusReason } from '../../shared/domain/application-status-reasons.js';

/** The reason templates as the portal holds them after start: by id. */
export type StatusReasons = ReadonlyMap<string, StatusReason>;

/**
 * Reads and checks the reason templates once, at start: a list with a missing translation or a
 * repeated id stops the portal with the file and the problem, rather than showing a visitor a
 * blank reason later.
 */
export function readStatusReasons(file: string): StatusReasons {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: the status reasons do not read as JSON (${(error as Error).message})`);
  }
  const checked = statusReasonListSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`${file} at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return new Map(checked.data.reasons.map((reason) => [reason.id, reason]));
}
