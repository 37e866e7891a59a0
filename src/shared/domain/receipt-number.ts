/**
 * Receipt numbers: unique across the fleet without any coordination, short enough to read over
 * the phone, impossible to guess, with a check character that catches a mistyped or swapped character.
 *
 *   BSK1-7K4Q-2MXR-Q = kiosk code "BSK1" (office code + kiosk number, assigned by the administrator)
 *                      + 8 random characters "7K4Q2MXR" (40 bits from the host's CSPRNG)
 *                      + check character "Q"
 *
 * Crockford's base-32 alphabet leaves out I, L, O and U, so nothing reads as 1, 0 or V. The check
 * character of this form is a weighted sum over GF(32): character k of the twelve is weighted by
 * α^(12−k), α a primitive element, so every single substitution and every swap of two characters
 * (neighbours or not) changes the sum and is caught.
 *
 * Kiosks used to issue a sequential form, which anyone could count through. It stays valid wherever
 * a number is read (queued applications made before the upgrade, receipts in visitors' hands):
 *
 *   BSK1-0000-17     = kiosk code + per-kiosk sequence "00001" + Luhn mod 32 check character "7"
 *
 * Luhn mod 32 catches every single substitution and every swap of two neighbours except 0↔Z.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SEQUENCE_LENGTH = 5;
/** The largest sequence the old, sequential form can hold. */
export const MAX_RECEIPT_SEQUENCE = 32 ** SEQUENCE_LENGTH - 1;
/** Random bytes a new receipt number takes: 40 bits, exactly eight characters of the alphabet. */
export const RECEIPT_RANDOM_BYTES = 5;
const RANDOM_LENGTH = 8;
/** Characters of a number without its hyphens: the old sequential form and the random form. */
const LEGACY_LENGTH = 10;
const RANDOM_FORM_LENGTH = 4 + RANDOM_LENGTH + 1;
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

/**
 * A new receipt number from the kiosk code and RECEIPT_RANDOM_BYTES random bytes (the caller draws
 * them from a CSPRNG; this module stays pure). Each 5 bits of the 40 make one character, so every
 * character is uniform over the alphabet.
 */
export function formatReceiptNumber(kioskCode: string, random: Uint8Array): string {
  if (!isValidKioskCode(kioskCode)) throw new RangeError('a kiosk code is four characters of the receipt alphabet');
  if (random.length !== RECEIPT_RANDOM_BYTES) throw new RangeError(`a receipt number takes ${RECEIPT_RANDOM_BYTES} random bytes`);
  // 40 bits fit a double exactly; read them five at a time from the most significant end.
  const bits = random.reduce((value, byte) => value * 256 + byte, 0);
  let characters = '';
  for (let index = RANDOM_LENGTH - 1; index >= 0; index--) characters += RECEIPT_ALPHABET[Math.floor(bits / 32 ** index) % 32]!;
  const body = kioskCode + characters;
  return groupRandomForm(body + gfCheckCharacter(body));
}

/**
 * The old sequential form (kiosk code + sequence + Luhn check), as kiosks issued it before random
 * numbers: kept so tests and tools can make the numbers that are still in circulation.
 */
export function formatLegacyReceiptNumber(kioskCode: string, sequence: number): string {
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

/**
 * Reads what a person typed or said, in either form: case, spaces, hyphens and the look-alikes
 * I→1, L→1, O→0 are forgiven. Answers the number as printed, or null when it is not one.
 */
export function normaliseReceiptNumber(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if ([...compact].some((character) => !RECEIPT_ALPHABET.includes(character))) return null;
  if (compact.length === RANDOM_FORM_LENGTH) {
    return gfCheckCharacter(compact.slice(0, -1)) === compact.at(-1) ? groupRandomForm(compact) : null;
  }
  if (compact.length !== LEGACY_LENGTH) return null;
  if (checkCharacter(compact.slice(0, 9)) !== compact[9]) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

/** Whether a receipt number (as printed) is of the old sequential form. */
export function isLegacyReceiptNumber(receiptNumber: string): boolean {
  return receiptNumber.replace(/-/g, '').length === LEGACY_LENGTH;
}

/** BSK17K4Q2MXRQ → BSK1-7K4Q-2MXR-Q: kiosk code, two groups of four, the check character. */
function groupRandomForm(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}-${compact.slice(12)}`;
}

/** x⁵ + x² + 1: GF(32)'s reduction polynomial, primitive, so α = x has order 31. */
const GF32_POLYNOMIAL = 0b100101;

/**
 * The check character of the random form: Horner's rule over GF(32) with α = x, then one more
 * multiplication, so that the whole number (body and check) sums to zero. Position k of n is
 * weighted α^(n−k); distinct weights (n ≤ 31) make every substitution and every transposition
 * change the sum.
 */
export function gfCheckCharacter(body: string): string {
  let sum = 0;
  for (const character of body) sum = timesAlpha(sum) ^ RECEIPT_ALPHABET.indexOf(character);
  return RECEIPT_ALPHABET[timesAlpha(sum)]!;
}

function timesAlpha(value: number): number {
  const shifted = value << 1;
  return shifted & 32 ? shifted ^ GF32_POLYNOMIAL : shifted;
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
