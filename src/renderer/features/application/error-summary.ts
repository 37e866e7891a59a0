import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/languages.js';
import type { FieldIssue } from '../../../shared/forms/form-engine.js';
import type { FormDefinition } from '../../../shared/forms/form-schema.js';
import { issueText } from '../../i18n.js';

export interface ErrorSummaryEntry {
  /** Unique within the summary: React's key. */
  key: string;
  /** The answer path the link focuses. */
  path: string;
  /** "Surname: Please answer this question to continue." in the visitor's language. */
  text: string;
}

/**
 * The issues with the same words on the same answer listed once: two rules of one field may give
 * one message, and the visitor would read it twice (and React would see one key twice).
 */
export function distinctIssues(issues: readonly FieldIssue[], language: Language, t: TFunction): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}:${issue.severity}:${issueText(t, issue, language)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The error summary's links: each names its question, so two "answer this question" links can be
 * told apart, and a field whose rules give the same message twice is listed once.
 */
export function errorSummaryEntries(form: FormDefinition, issues: readonly FieldIssue[], language: Language, t: TFunction): ErrorSummaryEntry[] {
  const entries: ErrorSummaryEntry[] = [];
  for (const issue of issues) {
    const text = t('forms:summary.link', { field: questionName(form, issue.path, language, t), message: issueText(t, issue, language) });
    const key = `${issue.path}:${text}`;
    if (!entries.some((entry) => entry.key === key)) entries.push({ key, path: issue.path, text });
  }
  return entries;
}

/** A question's label; inside a repeat group with the item it belongs to ("Parent 2, PIN"). */
function questionName(form: FormDefinition, path: string, language: Language, t: TFunction): string {
  const [fieldId, second, third] = path.split('.');
  const field = form.pages.flatMap((page) => page.fields).find((candidate) => candidate.id === fieldId);
  if (!field) return '';
  if (field.type === 'repeatGroup' && third !== undefined) {
    const child = field.fields.find((candidate) => candidate.id === third);
    return t('forms:summary.itemField', { item: field.itemLabel[language], number: Number(second) + 1, field: child?.label[language] ?? '' });
  }
  return field.label[language];
}
