import type { FormField } from '../../../shared/forms/form-schema.js';
import type { Language } from '../../../shared/domain/languages.js';
import { LAYOUT_FOR_LANGUAGE, type KeyboardLayoutName } from '../../ui/keyboard/layouts.js';

/** The keyboard a field needs first: digits for numbers, PINs and phones, Latin for Latin-script fields. */
export function layoutForField(field: FormField, language: Language, part?: string): KeyboardLayoutName {
  switch (field.type) {
    case 'pin':
    case 'phone':
    case 'number':
    case 'postalCode':
    case 'date':
      return 'numeric';
    case 'email':
    case 'documentNumber':
      return 'lat';
    case 'text':
      if (field.script === 'latin') return 'lat';
      if (field.script === 'cyrillic') return language === 'en' ? 'ru' : LAYOUT_FOR_LANGUAGE[language];
      return LAYOUT_FOR_LANGUAGE[language];
    case 'address':
      return part === 'house' || part === 'flat' ? 'numeric' : language === 'en' ? 'ru' : LAYOUT_FOR_LANGUAGE[language];
    default:
      return LAYOUT_FOR_LANGUAGE[language];
  }
}

/** What a key does to a text value; dates get their dots as the digits arrive (DD.MM.YYYY). */
export function applyKey(value: string, key: string, field: FormField): string {
  if (key === 'Backspace') return value.slice(0, -1);
  const next = value + key;
  if (field.type === 'date') {
    const digits = next.replace(/\D/g, '').slice(0, 8);
    return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean).join('.');
  }
  return next.slice(0, 500);
}

/** Dates are typed as DD.MM.YYYY and kept as YYYY-MM-DD once whole, which the form engine reads. */
export function dateFromTyped(typed: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(typed);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : typed;
}

export function dateForDisplay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}
