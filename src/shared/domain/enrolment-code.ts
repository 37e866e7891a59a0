import { RECEIPT_ALPHABET, checkCharacter } from './receipt-number.js';

/**
 * One-time kiosk enrolment codes, typed by a technician on the kiosk's touch screen:
 *
 *   7K4Q2-M9XR3  = nine random characters of the receipt alphabet + a Luhn mod 32 check character
 *
 * 32^9 = 2^45 codes. A code is single-use, lives 24 hours, is bound to one kiosk code, and the
 * portal answers at most a few exchanges per address per minute, so guessing one is hopeless; the
 * check character lets the kiosk catch a mistyped or swapped character before asking the portal.
 * The alphabet has no I, L, O or U, and what is typed is read as the receipt number is: case,
 * spaces and hyphens are forgiven, I and L read as 1, O as 0.
 */
export const ENROLMENT_CODE_RANDOM_LENGTH = 9;
/** The code as printed and as the exchange takes it: XXXXX-XXXXX. */
export const ENROLMENT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
/** The lifetime of a code from its creation. */
export const ENROLMENT_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A code from nine random bytes (each taken mod 32: 256 is a multiple of 32, so every character is equally likely). */
export function enrolmentCodeFromRandom(random: Uint8Array): string {
  if (random.length !== ENROLMENT_CODE_RANDOM_LENGTH) throw new RangeError(`an enrolment code takes ${ENROLMENT_CODE_RANDOM_LENGTH} random bytes`);
  const body = [...random].map((byte) => RECEIPT_ALPHABET[byte % 32]!).join('');
  const code = body + checkCharacter(body);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Reads what a technician typed; null when it is not ten characters of the alphabet with a matching check character. */
export function normaliseEnrolmentCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== ENROLMENT_CODE_RANDOM_LENGTH + 1 || [...compact].some((character) => !RECEIPT_ALPHABET.includes(character))) return null;
  if (checkCharacter(compact.slice(0, ENROLMENT_CODE_RANDOM_LENGTH)) !== compact[ENROLMENT_CODE_RANDOM_LENGTH]) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
