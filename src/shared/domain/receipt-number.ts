/**
 * Receipt numbers: unique across the fleet without any coordination, short enough to read over
 * the phone, with a check character that catches a mistyped or swapped character.
 *
 *   BSK1-7K4Q-2M   = kiosk code "BSK1" (office code + kiosk number, assigned by the administrator)
 *                    + per-kiosk sequence "7K4Q2" + check character "M"
 *
 * Crockford's base-32 alphabet leaves out I, L, O and U, so nothing reads as 1, 0 or V; the
 * check character is Luhn mod 32 over the other nine characters, which catches every single
 * substitution and every swap of two neighbours except 0↔Z (Luhn's one blind pair).
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SEQUENCE_LENGTH = 5;
export const MAX_RECEIPT_SEQUENCE = 32 ** SEQUENCE_LENGTH - 1;
const KIOSK_CODE = /^[0-9A-HJKMNP-TV-Z]{4}$/;

export function isValidKioskCode(code: string): boolean {
  return KIOSK_CODE.test(code);
}

const OFFICE_CODE = /^[0-9A-HJKMNP-TV-Z]{3}$/;
const OFFICE_CODE_LENGTH = 3;

/** An office code: the first three characters of its kiosks' codes (BSK for BSK1, BSK2, …). */
export function isValidOfficeCode(code: string): boolean {
  return OFFICE_CODE.test(code);
}

/** The office a kiosk stands in, read off its code: the administrator assigns kiosk codes office by office. */
export function officeCodeOfKiosk(kioskCode: string): string {
  if (!isValidKioskCode(kioskCode)) throw new RangeError('a kiosk code is four characters of the receipt alphabet');
  return kioskCode.slice(0, OFFICE_CODE_LENGTH);
}

export function formatReceiptNumber(kioskCode: string, sequence: number): string {
  if (!isValidKioskCode(kioskCode)) throw new RangeError('a kiosk code is four characters of the receipt alphabet');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_RECEIPT_SEQUENCE) throw new RangeError('receipt sequence out of range');
  let digits = '';
  for (let value = sequence, index = 0; index < SEQUENCE_LENGTH; index++, value = Math.floor(value / 32)) {
    digits = RECEIPT_ALPHABET[value % 32]! + digits;
  }
  const body = kioskCode + digits;
  const check = checkCharacter(body);
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}${check}`;
}

/** Reads what a person typed or said: case, spaces, hyphens and the look-alikes I→1, L→1, O→0 are forgiven. */
export function normaliseReceiptNumber(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== 10 || [...compact].some((character) => !RECEIPT_ALPHABET.includes(character))) return null;
  if (checkCharacter(compact.slice(0, 9)) !== compact[9]) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

/** Luhn mod 32 over `body` in the receipt alphabet: the character that makes a typed code check. */
export function checkCharacter(body: string): string {
  // Luhn mod N: double every second value from the right, fold the doubled value back into base N.
  let sum = 0;
  let double = true;
  for (let index = body.length - 1; index >= 0; index--) {
    let value = RECEIPT_ALPHABET.indexOf(body[index]!);
    if (double) {
      value *= 2;
      value = Math.floor(value / 32) + (value % 32);
    }
    sum += value;
    double = !double;
  }
  return RECEIPT_ALPHABET[(32 - (sum % 32)) % 32]!;
}
