import type { Language } from '../../shared/domain/languages.js';
import type { FormDefinition, FormField, LeafField } from '../../shared/forms/form-schema.js';

/** One question of the form with the visitor's answer, in the officer's language. */
export interface OpenedAnswer {
  fieldId: string;
  question: string;
  /** The answer as the visitor gave it (null when not answered); choices are also named in `chosen`. */
  answer: unknown;
  /** The labels of the chosen options, in the officer's language. */
  chosen?: string[];
  /** A repeated group's items, each its own list of answers. */
  items?: OpenedAnswer[][];
}

/** The form's questions, page by page, each with the answer from the opened document. */
export function openedAnswers(form: FormDefinition, answers: Record<string, unknown>, language: Language): OpenedAnswer[] {
  return form.pages.flatMap((page) => page.fields.map((field) => answerOf(field, answers[field.id], language)));
}

function answerOf(field: FormField, value: unknown, language: Language): OpenedAnswer {
  const base = { fieldId: field.id, question: field.label[language], answer: value ?? null };
  if (field.type === 'repeatGroup') {
    const items = Array.isArray(value) ? value : [];
    return {
      ...base,
      items: items.map((item) => field.fields.map((inner) => answerOf(inner, (item as Record<string, unknown> | null)?.[inner.id], language))),
    };
  }
  const chosen = chosenLabels(field, value, language);
  return chosen ? { ...base, chosen } : base;
}

function chosenLabels(field: LeafField, value: unknown, language: Language): string[] | undefined {
  if (field.type === 'singleChoice' || field.type === 'multipleChoice') {
    const values = Array.isArray(value) ? value : value == null ? [] : [value];
    return values.map((chosen) => field.options.find((option) => option.value === chosen)?.label[language] ?? String(chosen));
  }
  if (field.type === 'calculated' && field.valueLabels && typeof value === 'string' && field.valueLabels[value]) return [field.valueLabels[value][language]];
  return undefined;
}
