import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/languages.js';
import { REGION_CODES } from '../../../shared/forms/region-codes.js';
import type { AnswerValue, FormField, RepeatItem } from '../../../shared/forms/form-schema.js';
import { isPersonNameField, nameForDisplay } from '../../../shared/forms/person-name.js';
import { formatPrice } from '../../ui/format.js';
import { textOf } from './answer-paths.js';
import { dateForDisplay } from './keyboard-target.js';

/** What the form computed, by path ("fee", "children.0.allowance"), as the form engine gives it. */
export type CalculatedValues = Readonly<Record<string, AnswerValue>>;

/**
 * An answer as the check screen reads it out, in the visitor's language. A calculated field (also
 * inside a repeat group) shows what the form computed, not the answers, which never hold it.
 */
export function describeAnswer(field: FormField, path: string, answers: Readonly<Record<string, AnswerValue>>, calculated: CalculatedValues, language: Language, t: TFunction): string {
  const value = field.type === 'calculated' ? calculated[path] : answers[field.id];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('application:check.notAnswered');
  switch (field.type) {
    case 'yesNo':
      return value === true ? t('application:form.yes') : t('application:form.no');
    case 'singleChoice':
      return field.options.find((option) => option.value === value)?.label[language] ?? textOf(value);
    case 'multipleChoice':
      return (value as string[]).map((item) => field.options.find((option) => option.value === item)?.label[language] ?? item).join(', ');
    case 'date':
      return dateForDisplay(textOf(value));
    case 'calculated':
      return calculatedText(field, value, language, t);
    case 'text':
      return isPersonNameField(field) ? nameForDisplay(textOf(value)) : textOf(value);
    case 'address': {
      const address = value as unknown as Record<string, string | undefined>;
      const region = REGION_CODES.find((code) => code === address.region);
      return [region && t(`application:form.regions.${region}`), address.district, address.locality, address.street, address.house, address.flat]
        .filter(Boolean)
        .join(', ');
    }
    case 'repeatGroup':
      return (value as RepeatItem[])
        .map(
          (item, index) =>
            `${field.itemLabel[language]} ${index + 1}: ${field.fields.map((child) => describeAnswer(child, `${path}.${index}.${child.id}`, item, calculated, language, t)).join(', ')}`,
        )
        .join('; ');
    default:
      return textOf(value);
  }
}

/** A computed value as the visitor reads it: som formatted, a computed text in the visitor's language. */
export function calculatedText(field: Extract<FormField, { type: 'calculated' }>, value: AnswerValue, language: Language, t: TFunction): string {
  if (field.format === 'som' && typeof value === 'number') return formatPrice(t, language, value);
  if (field.format === 'text' && typeof value === 'string') return field.valueLabels?.[value]?.[language] ?? value;
  return textOf(value);
}
