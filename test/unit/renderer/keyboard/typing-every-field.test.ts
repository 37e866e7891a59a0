import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKey, dateFromTyped, layoutForField, typed } from '../../../../src/renderer/features/application/keyboard-target.js';
import { KEYBOARD_LAYOUTS, type KeyboardLayoutName } from '../../../../src/renderer/ui/keyboard/layouts.js';
import { evaluateForm } from '../../../../src/shared/forms/form-engine.js';
import { formDefinitionSchema, type Answers, type FormDefinition, type FormField, type LeafField } from '../../../../src/shared/forms/form-schema.js';
import type { Language } from '../../../../src/shared/domain/languages.js';

const FORMS_FOLDER = 'resources/content-source/forms';
const forms = readdirSync(FORMS_FOLDER).map((name) => formDefinitionSchema.parse(JSON.parse(readFileSync(join(FORMS_FOLDER, name), 'utf8'))));
const LANGUAGES: Language[] = ['ky', 'ru', 'en'];
const TODAY = '2026-12-01';

/** Words for free text in the alphabet each language's keyboard opens with. */
const WORDS: Record<Language, string> = { ky: 'өмүрбек', ru: 'сокулук', en: 'john' };
/** Fields whose content has its own pattern or rule, with an answer that meets it. */
const BY_FIELD_ID: Record<string, string> = { propertyId: '12-34-567', share: '1/2', desiredDate: '15022027', copies: '2' };
const DOCUMENT_EXAMPLES = { 'id-card': 'ID1234567', 'id-card-legacy': 'AN1234567', 'foreign-passport': 'AC1234567', 'driving-licence': 'AB1234567', 'civil-certificate': 'I-БШ 000123' };

/** What a visitor types into a field, key by key (" " is the space bar). */
function exampleFor(field: LeafField, language: Language, part?: string): string {
  if (BY_FIELD_ID[field.id]) return BY_FIELD_ID[field.id]!;
  switch (field.type) {
    case 'text':
      return field.script === 'latin' ? 'asanov' : field.script === 'cyrillic' ? 'асанова' : WORDS[language];
    case 'date':
      return '12041985';
    case 'pin':
      return '11204198500012';
    case 'phone':
      return '0700123456';
    case 'email':
      return 'aida_k-1.test@mail.kg';
    case 'documentNumber':
      return DOCUMENT_EXAMPLES[field.documentKinds[0]!];
    case 'postalCode':
      return '720001';
    case 'number':
      return '2';
    case 'address':
      return part === 'house' || part === 'flat' ? '12' : language === 'en' ? 'чуй' : WORDS[language];
    default:
      throw new Error(`no example for ${field.type}`);
  }
}

function keysOf(layout: KeyboardLayoutName): Set<string> {
  return new Set(Object.values(KEYBOARD_LAYOUTS[layout]).flatMap((rows) => rows.flatMap((row) => row.split(' '))));
}

/** Taps the example on the field's own layout, failing on a character that layout does not have. */
function tapOnLayout(field: LeafField, language: Language, part?: string): { layout: KeyboardLayoutName; value: string } {
  const layout = layoutForField(field, language, part);
  const keys = keysOf(layout);
  let value = '';
  for (const character of exampleFor(field, language, part)) {
    const key = character === ' ' ? '{space}' : character;
    if (!keys.has(key)) throw new Error(`${field.id} (${language}): "${character}" is not on the ${layout} layout`);
    value = applyKey(value, character, field);
  }
  return { layout, value: field.type === 'date' ? dateFromTyped(value) : value };
}

/** The field alone on a page, shown and required, so its own checks are the only ones that run. */
function formOf(form: FormDefinition, field: LeafField): FormDefinition {
  const alone: FormField = { ...field, relevant: undefined, required: true };
  return { ...form, pages: [{ ...form.pages[0]!, fields: [alone] }] };
}

const leafFields = forms.flatMap((form) =>
  form.pages.flatMap((page) => page.fields.flatMap((field) => (field.type === 'repeatGroup' ? field.fields : [field])).map((field) => ({ form, field }))),
);
const typedFields = leafFields.filter(({ field }) => !['singleChoice', 'multipleChoice', 'yesNo', 'calculated'].includes(field.type));

describe('every typed answer in the bundled forms can be entered on the layout its field opens with', () => {
  it('covers every kind of typed field there is', () => {
    expect(new Set(typedFields.map(({ field }) => field.type))).toEqual(new Set(['text', 'date', 'pin', 'phone', 'email', 'documentNumber', 'postalCode', 'number', 'address']));
  });

  for (const language of LANGUAGES) {
    it(`in ${language}: tapped key by key, each answer passes the form's own checks`, () => {
      const refused: string[] = [];
      for (const { form, field } of typedFields) {
        let answers: Answers;
        if (field.type === 'address') {
          const parts = Object.fromEntries(['district', 'locality', 'street', 'house', 'flat'].map((part) => [part, tapOnLayout(field, language, part).value]));
          answers = { [field.id]: { region: 'KG-GB', ...parts } as never };
        } else {
          answers = { [field.id]: tapOnLayout(field, language).value };
        }
        const errors = evaluateForm(formOf(form, field), answers, { today: TODAY }).issues.filter((issue) => issue.severity === 'error');
        if (errors.length > 0) refused.push(`${form.id}/${field.id}: ${JSON.stringify(answers)} → ${errors.map((issue) => issue.code).join(', ')}`);
      }
      expect(refused).toEqual([]);
    });
  }
});

describe('which layout a field opens with', () => {
  const field = (shape: object) => ({ id: 'lastName', label: { ky: '', ru: '', en: '' }, ...shape }) as FormField;

  it('gives e-mail, document and phone answers the keys they need', () => {
    expect(layoutForField(field({ type: 'email' }), 'ky')).toBe('email');
    for (const key of ['@', '.', '-', '_', '.kg', '.com']) expect(keysOf('email').has(key)).toBe(true);
    expect(layoutForField(field({ type: 'documentNumber', documentKinds: ['civil-certificate'] }), 'en')).toBe('documentCyrillic');
    expect(layoutForField(field({ type: 'documentNumber', documentKinds: ['id-card'] }), 'ru')).toBe('document');
    for (const layout of ['document', 'documentCyrillic'] as const) for (const key of ['№', '/', '-']) expect(keysOf(layout).has(key)).toBe(true);
    expect(layoutForField(field({ type: 'phone' }), 'en')).toBe('numeric');
  });

  it('gives names the alphabet they are written in: the visitor’s own where any will do, Kyrgyz Cyrillic where Cyrillic is required', () => {
    expect(layoutForField(field({ type: 'text', script: 'any' }), 'en')).toBe('lat');
    expect(layoutForField(field({ type: 'text', script: 'any' }), 'ky')).toBe('ky');
    expect(layoutForField(field({ type: 'text', script: 'cyrillic' }), 'ru')).toBe('ru');
    expect(layoutForField(field({ type: 'text', script: 'cyrillic' }), 'ky')).toBe('ky');
    expect(layoutForField(field({ type: 'text', script: 'cyrillic' }), 'en')).toBe('ky');
    expect(layoutForField(field({ type: 'text', script: 'latin' }), 'ru')).toBe('lat');
    for (const letter of ['ң', 'ө', 'ү']) expect(keysOf('ky').has(letter)).toBe(true);
  });
});

describe('what the keys and a physical keyboard store', () => {
  const name = { id: 'childFirstName', type: 'text', script: 'cyrillic', label: { ky: '', ru: '', en: '' } } as FormField;
  const place = { id: 'childBirthPlace', type: 'text', script: 'any', label: { ky: '', ru: '', en: '' } } as FormField;
  const phone = { id: 'phone', type: 'phone', label: { ky: '', ru: '', en: '' } } as FormField;

  it('starts a name with a capital and leaves the words after it as typed', () => {
    expect([...'асан уулу'].reduce((value, key) => applyKey(value, key, name), '')).toBe('Асан уулу');
    expect(typed('өмүр', name)).toBe('Өмүр');
    expect(typed('сокулук', place)).toBe('сокулук');
  });

  it('keeps the +996 of a phone and drops a trunk 0, by keys or typed whole', () => {
    const byKeys = [...'0700123456'].reduce((value, key) => applyKey(value, key, phone), '');
    expect(byKeys).toBe('+996 700 123 456');
    expect(applyKey(byKeys, 'Backspace', phone)).toBe('+996 700 123 45');
    expect(applyKey('+996 7', 'Backspace', phone)).toBe('');
    expect(typed('+996 555 123 456', phone)).toBe('+996 555 123 456');
    expect(typed('0555123456', phone)).toBe('+996 555 123 456');
    expect(typed('+7 912 000 00 00', phone)).toBe('+7 912 000 00 00');
  });
});
