/**
 * The engine's issue codes and what their messages are built from. The words themselves live in
 * the locale files (src/shared/locales/<language>/forms.json): each says what to do next, with an
 * example where one helps, since a visitor at a kiosk has nobody to ask what "invalid input" means.
 * The engine only reports a code and its parameters; the screen that shows an issue translates it.
 */

export const ISSUE_CODES = [
  'REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'PATTERN', 'WRONG_SCRIPT', 'NOT_A_NUMBER', 'NOT_INTEGER', 'TOO_SMALL', 'TOO_LARGE',
  'INVALID_DATE', 'DATE_IN_FUTURE', 'DATE_IN_PAST', 'INVALID_OPTION', 'TOO_FEW_SELECTED', 'TOO_MANY_SELECTED', 'INVALID_PIN',
  'PIN_BIRTH_DATE_MISMATCH', 'INVALID_PHONE', 'INVALID_EMAIL', 'INVALID_DOCUMENT_NUMBER', 'INVALID_POSTAL_CODE',
  'INVALID_ADDRESS', 'TOO_FEW_ITEMS', 'TOO_MANY_ITEMS', 'CONSTRAINT', 'UNKNOWN_FIELD', 'WRONG_TYPE',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * Parameters the messages read:
 *   min / max                 TOO_SHORT, TOO_LONG, TOO_SMALL, TOO_LARGE, *_SELECTED, *_ITEMS
 *   script                    WRONG_SCRIPT: 'cyrillic' | 'latin'
 *   examples                  INVALID_DOCUMENT_NUMBER: e.g. "ID1234567, AN1234567"
 *   pinDate / birthDate       PIN_BIRTH_DATE_MISMATCH: YYYY-MM-DD, shown as DD.MM.YYYY
 *   fieldType                 REQUIRED: 'address' asks for every part of the address
 */
export type MessageParams = Record<string, string | number>;

export function isIssueCode(value: unknown): value is IssueCode {
  return typeof value === 'string' && (ISSUE_CODES as readonly string[]).includes(value);
}

/** What i18next is asked for an issue: the key in the 'forms' namespace and the options of the lookup. */
export interface IssueTranslation {
  key: IssueCode;
  options: MessageParams & { count?: number; context?: string };
}

/** The limit whose number picks the plural form of a message ("21 символа", "2 символов"). */
const COUNTED_BY: Partial<Readonly<Record<IssueCode, 'min' | 'max'>>> = {
  TOO_SHORT: 'min',
  TOO_LONG: 'max',
  TOO_FEW_SELECTED: 'min',
  TOO_MANY_SELECTED: 'max',
  TOO_FEW_ITEMS: 'min',
  TOO_MANY_ITEMS: 'max',
};

/**
 * The lookup for an issue. The count is the limit the message names, so i18next picks the plural
 * form the language needs; a limit left out counts as NaN, which every language's plural rules
 * call "other". The context picks a variant of the message (REQUIRED_address, WRONG_SCRIPT_latin,
 * INVALID_DOCUMENT_NUMBER_examples); a variant the locale lacks falls back to the plain message.
 */
export function issueTranslation(code: IssueCode, params: Readonly<MessageParams> = {}): IssueTranslation {
  const counted = COUNTED_BY[code];
  const context = typeof params.fieldType === 'string' ? params.fieldType : typeof params.script === 'string' ? params.script : params.examples ? 'examples' : undefined;
  return {
    key: code,
    options: { ...params, ...(counted ? { count: Number(params[counted]) } : {}), ...(context ? { context } : {}) },
  };
}
