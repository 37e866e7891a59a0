import type { FormField } from '../../../shared/forms/form-schema.js';

/** Names, patronymics and surnames by their field ids: lastName, childFirstName, surnameAfter, ownerFullName… */
const NAME_ID = /(?:^|[a-z])(?:[nN]ame|[pP]atronymic|[sS]urname)/;

export function isNameField(field: FormField): boolean {
  return field.type === 'text' && NAME_ID.test(field.id);
}

/**
 * The first letter upper-cased, the rest as typed: "асан уулу" becomes "Асан уулу", since the
 * words after the first ("уулу", "кызы") are written in lower case on Kyrgyz documents.
 */
export function capitaliseName(text: string): string {
  return text.replace(/^(\P{L}*)(\p{Ll})/u, (_whole, before: string, letter: string) => before + letter.toLocaleUpperCase());
}
