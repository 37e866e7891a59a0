/**
 * Phone numbers are kept as "+996 700 123 456": the country code is fixed on screen and the
 * visitor types the nine national digits (a leading trunk 0, as in "0700…", is dropped), which the
 * shared phone check accepts as a Kyrgyz number.
 */
export const PHONE_PREFIX = '+996';
const NATIONAL_DIGITS = 9;

/**
 * What the input shows beside the fixed +996: the national digits, grouped as people read them
 * ("700 123 456"); a value with another code the visitor typed themselves is shown whole.
 */
export function phoneShown(value: string): { prefixed: boolean; text: string } {
  if (value.trim().startsWith('+') && !value.trim().startsWith(PHONE_PREFIX)) return { prefixed: false, text: value };
  return { prefixed: true, text: group(nationalDigits(value)) };
}

/** A key from the digit pad applied to a stored phone value. */
export function phoneFromKeys(value: string, key: string): string {
  const digits = nationalDigits(value);
  if (key === 'Backspace') return stored(digits.slice(0, -1));
  if (!/^\d$/.test(key) || (digits === '' && key === '0')) return stored(digits);
  return stored((digits + key).slice(0, NATIONAL_DIGITS));
}

/**
 * The text of the input after a physical keyboard's edit. The input shows only the national part,
 * so digits there are national; a visitor who types the whole "+996 …" gets the code recognised.
 */
export function phoneFromTyped(text: string): string {
  const trimmed = text.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('996')) return trimmed;
    digits = digits.slice(3);
  }
  return stored(digits.replace(/^0/, '').slice(0, NATIONAL_DIGITS));
}

function nationalDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return value.trim().startsWith(PHONE_PREFIX) ? digits.slice(3) : digits.replace(/^0/, '');
}

function stored(digits: string): string {
  return digits === '' ? '' : `${PHONE_PREFIX} ${group(digits)}`;
}

function group(digits: string): string {
  return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)].filter(Boolean).join(' ');
}
