import type { FormField } from '../../../shared/forms/form-schema.js';
import type { Language } from '../../../shared/domain/languages.js';
import { LAYOUT_FOR_LANGUAGE, type KeyboardLayoutName } from '../../ui/keyboard/layouts.js';
import { capitaliseName, isNameField } from './name-capitals.js';
import { phoneFromKeys, phoneFromTyped } from './phone-entry.js';

/**
 * The keyboard a field needs first: digits for numbers, PINs and phones, the e-mail and document
 * layouts for those answers, and for text the alphabet the field accepts, else the visitor's own.
 */
export function layoutForField(field: FormField, language: Language, part?: string): KeyboardLayoutName {
  switch (field.type) {
    case 'pin':
    case 'phone':
    case 'number':
    case 'postalCode':
    case 'date':
      return 'numeric';
    case 'email':
      return 'email';
    case 'documentNumber':
      return field.documentKinds.includes('civil-certificate') ? 'documentCyrillic' : 'document';
    case 'text':
      if (field.script === 'latin') return 'lat';
      // Kyrgyz Cyrillic holds every Russian letter and ң ө ү, which Kyrgyz names need.
      if (field.script === 'cyrillic') return language === 'ru' ? 'ru' : 'ky';
      return LAYOUT_FOR_LANGUAGE[language];
    case 'address':
      return part === 'house' || part === 'flat' ? 'numeric' : language === 'en' ? 'ky' : LAYOUT_FOR_LANGUAGE[language];
    default:
      return LAYOUT_FOR_LANGUAGE[language];
  }
}

/**
 * What a key does to a text value: dates get their dots as the digits arrive (DD.MM.YYYY), phones
 * keep their +996, and a name's first letter is a capital whichever layer it was typed on.
 */
export function applyKey(value: string, key: string, field: FormField): string {
  if (field.type === 'phone') return phoneFromKeys(value, key);
  if (key === 'Backspace') return value.slice(0, -1);
  const next = value + key;
  if (field.type === 'date') {
    const digits = next.replace(/\D/g, '').slice(0, 8);
    return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean).join('.');
  }
  return typed(next.slice(0, 500), field);
}

/** What a physical keyboard's edit stores: the same rules as the keys, for the whole new text. */
export function typed(text: string, field: FormField): string {
  if (field.type === 'phone') return phoneFromTyped(text);
  return isNameField(field) ? capitaliseName(text) : text;
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
