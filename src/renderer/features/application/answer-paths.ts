import type { AddressValue, AnswerValue, Answers, RepeatItem } from '../../../shared/forms/form-schema.js';

/**
 * Answers are addressed by path, as the form engine names them: "fieldId", "address.street"
 * (a part of an address) or "children.0.pin" (a field of a repeat-group item).
 */
export function readPath(answers: Answers, path: string): AnswerValue | undefined {
  const [fieldId, second, third] = path.split('.');
  const value = answers[fieldId!];
  if (second === undefined) return value;
  if (third !== undefined) return Array.isArray(value) ? (value[Number(second)] as RepeatItem | undefined)?.[third] : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as unknown as Record<string, string>)[second] : undefined;
}

/** The new value of the top-level field that holds `path`, with `path` set to `next`. */
export function writePath(answers: Answers, path: string, next: AnswerValue): { fieldId: string; value: AnswerValue } {
  const [fieldId, second, third] = path.split('.') as [string, string | undefined, string | undefined];
  if (second === undefined) return { fieldId, value: next };
  const current = answers[fieldId];
  if (third !== undefined) {
    const items = Array.isArray(current) ? [...(current as RepeatItem[])] : [];
    const index = Number(second);
    items[index] = { ...(items[index] ?? {}), [third]: next };
    return { fieldId, value: items };
  }
  const address = (current && typeof current === 'object' && !Array.isArray(current) ? current : {}) as Partial<AddressValue>;
  return { fieldId, value: { ...address, [second]: next } as AddressValue };
}

export const fieldElementId = (path: string) => `field-${path.replace(/\./g, '-')}`;

/** The text an input shows for a value: strings and numbers as they are, anything else as empty. */
export function textOf(value: AnswerValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
