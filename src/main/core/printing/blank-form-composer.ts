import type { Service } from '../../../shared/content/content-schema.js';
import type { Language } from '../../../shared/domain/languages.js';
import { REGION_CODES, type FormDefinition, type FormField, type LeafField, type RepeatGroupField } from '../../../shared/forms/form-schema.js';
import type { HostTranslations } from '../i18n/host-translations.js';
import type { BlankFormDocument, BlankFormEntry } from './blank-form-document.js';

export interface BlankFormSources {
  form: FormDefinition;
  service: Service;
  officeName: string;
  language: Language;
  translations: HostTranslations;
}

/** A PIN is 14 digits, a postal code 6, a phone's national number 9 after +996. */
const PIN_DIGITS = 14;
const POSTAL_CODE_DIGITS = 6;
const PHONE_NATIONAL_DIGITS = 9;
/** More copies of a repeated item than this, and the visitor asks staff for another sheet. */
const MOST_GROUP_COPIES_ON_PAPER = 4;

const ADDRESS_LINES = ['district', 'locality', 'street', 'house', 'flat'] as const;

/**
 * A blank paper form for a service, in the visitor's language, from the form definition the service
 * names: every page and field of it, whatever the answers would make relevant, with a place for the
 * answer shaped like what the field accepts. Pure: the same form and language give the same document.
 */
export function composeBlankForm({ form, service, officeName, language, translations }: BlankFormSources): BlankFormDocument {
  const t = translations.t(language, 'help');
  const tForm = translations.t(language, 'application');
  const onlyIfItApplies = t('blankForm.onlyIfItApplies');

  const datePlace = { pattern: '__.__.____', format: tForm('form.datePlaceholder') };
  const tickOne = t('blankForm.tickOne');

  function leaf(field: LeafField): BlankFormEntry {
    const text = {
      label: field.label[language],
      ...(field.hint ? { hint: field.hint[language] } : {}),
      ...(field.relevant !== undefined ? { condition: onlyIfItApplies } : {}),
    };
    switch (field.type) {
      case 'text':
        return { ...text, kind: 'lines', lines: (field.maxLength ?? 0) > 120 ? 2 : 1 };
      case 'longText':
        return { ...text, kind: 'lines', lines: 4 };
      case 'number':
      case 'email':
      case 'documentNumber':
        return { ...text, kind: 'lines', lines: 1 };
      case 'pin':
        return { ...text, kind: 'boxes', count: PIN_DIGITS };
      case 'postalCode':
        return { ...text, kind: 'boxes', count: POSTAL_CODE_DIGITS };
      case 'phone':
        return { ...text, kind: 'boxes', count: PHONE_NATIONAL_DIGITS, prefix: '+996' };
      case 'date':
        return { ...text, kind: 'date', ...datePlace };
      case 'singleChoice':
        return { ...text, kind: 'choice', instruction: tickOne, options: field.options.map((option) => option.label[language]) };
      case 'multipleChoice':
        return { ...text, kind: 'choice', instruction: t('blankForm.tickAny'), options: field.options.map((option) => option.label[language]) };
      case 'yesNo':
        return { ...text, kind: 'choice', instruction: tickOne, options: [tForm('form.yes'), tForm('form.no')] };
      case 'address':
        return {
          ...text,
          kind: 'parts',
          parts: [
            { kind: 'choice', label: tForm('form.address.region'), instruction: tickOne, options: REGION_CODES.map((code) => tForm(`form.regions.${code}`)) },
            ...ADDRESS_LINES.map((part): BlankFormEntry => ({ kind: 'lines', label: tForm(`form.address.${part}`), lines: 1 })),
          ],
        };
      case 'calculated':
        return { ...text, kind: 'calculated', description: field.format === 'som' ? t('blankForm.calculatedSom') : t('blankForm.calculated') };
    }
  }

  function group(field: RepeatGroupField): BlankFormEntry {
    const copies = Math.max(field.minItems, Math.min(field.maxItems, MOST_GROUP_COPIES_ON_PAPER), 1);
    const rules = [
      field.minItems > 0 ? t('blankForm.groupRule', { min: field.minItems, max: field.maxItems }) : t('blankForm.groupRuleOptional', { max: field.maxItems }),
      ...(copies < field.maxItems ? [t('blankForm.groupMore', { copies })] : []),
    ];
    return {
      kind: 'group',
      label: field.label[language],
      ...(field.hint ? { hint: field.hint[language] } : {}),
      ...(field.relevant !== undefined ? { condition: onlyIfItApplies } : {}),
      rule: rules.join(' '),
      items: Array.from({ length: copies }, (_, index) => ({
        heading: t('blankForm.groupItem', { item: field.itemLabel[language], number: index + 1 }),
        entries: field.fields.map(leaf),
      })),
    };
  }

  const entry = (field: FormField): BlankFormEntry => (field.type === 'repeatGroup' ? group(field) : leaf(field));
  // Under a part that already says "only if it applies", the same sentence on its questions says nothing more.
  const withoutCondition = ({ condition: _said, ...rest }: BlankFormEntry): BlankFormEntry => rest;

  return {
    serviceId: service.id,
    language,
    title: form.title[language],
    serviceLabel: t('blankForm.service'),
    serviceTitle: service.title[language],
    instructions: t('blankForm.instructions'),
    parts: form.pages.map((page, index) => ({
      heading: t('blankForm.part', { number: index + 1 }),
      ...(page.title ? { title: page.title[language] } : {}),
      ...(page.relevant !== undefined ? { condition: onlyIfItApplies } : {}),
      entries: page.relevant !== undefined ? page.fields.map((field) => withoutCondition(entry(field))) : page.fields.map(entry),
    })),
    closing: [
      { kind: 'date', label: t('blankForm.date'), ...datePlace },
      { kind: 'lines', label: t('blankForm.signature'), lines: 1 },
    ],
    footer: officeName,
  };
}
