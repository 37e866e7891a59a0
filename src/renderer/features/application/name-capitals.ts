/** Which fields are names is decided once, in src/shared/forms/person-name.ts. */
export { isPersonNameField as isNameField } from '../../../shared/forms/person-name.js';

/**
 * The first letter upper-cased, the rest as typed: "асан уулу" becomes "Асан уулу", since the
 * words after the first ("уулу", "кызы") are written in lower case on Kyrgyz documents.
 */
export function capitaliseName(text: string): string {
  return text.replace(/^(\P{L}*)(\p{Ll})/u, (_whole, before: string, letter: string) => before + letter.toLocaleUpperCase());
}
