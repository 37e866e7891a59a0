import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneFromKeys, phoneShown } from '../../../../src/renderer/features/application/phone-entry.js';
import { LANGUAGES } from '../../../../src/shared/domain/languages.js';
import { formDefinitionSchema, type FormField } from '../../../../src/shared/forms/form-schema.js';
import { normalisePhone } from '../../../../src/shared/forms/validators.js';

const FORMS_FOLDER = 'resources/content-source/forms';
const forms = readdirSync(FORMS_FOLDER).map((file) => formDefinitionSchema.parse(JSON.parse(readFileSync(join(FORMS_FOLDER, file), 'utf8'))));
const phoneFields = forms.flatMap((form) =>
  form.pages
    .flatMap((page) => page.fields)
    .flatMap((field): FormField[] => (field.type === 'repeatGroup' ? field.fields : [field]))
    .filter((field) => field.type === 'phone')
    .map((field) => ({ form: form.id, field })),
);

/** The example number a text gives (the last run of digits and spaces), typed key by key on the phone pad beside the fixed +996. */
function typeExample(text: string): { example: string; shown: string; valid: boolean } {
  const example = [...text.matchAll(/\d[\d ]{6,}\d/g)].at(-1)?.[0] ?? '';
  const value = [...example.replace(/ /g, '')].reduce((typed, key) => phoneFromKeys(typed, key), '');
  return { example, shown: phoneShown(value).text, valid: normalisePhone(value) !== null };
}

describe('what the phone question tells a visitor to type', () => {
  it('finds the phone questions of the bundled forms', () => {
    expect(phoneFields.length).toBeGreaterThanOrEqual(10);
  });

  it.each(phoneFields.flatMap(({ form, field }) => LANGUAGES.map((language) => ({ form, language, hint: field.hint?.[language] ?? '' }))))(
    '$form ($language): the example in the hint is what the keypad shows when typed as written',
    ({ hint }) => {
      const typed = typeExample(hint);
      expect(typed.example).not.toBe('');
      expect(typed.shown).toBe(typed.example);
      expect(typed.valid).toBe(true);
    },
  );

  it.each(LANGUAGES)('%s: the error message’s example can be typed as written too', (language) => {
    const messages = JSON.parse(readFileSync(`src/shared/locales/${language}/forms.json`, 'utf8')) as Record<string, string>;
    const typed = typeExample(messages.INVALID_PHONE!);
    expect(typed.shown).toBe(typed.example);
    expect(typed.valid).toBe(true);
    // The +996 is on screen already: the message must not read as if the visitor had to type it.
    expect(messages.INVALID_PHONE).not.toMatch(/\+996 ?\d/);
  });
});
