import { RECEIPT_RANDOM_BYTES, formatReceiptNumber } from '../../src/shared/domain/receipt-number.js';

/** The highest value `receiptNumberOf` takes: the 40 random bits of a receipt number. */
export const MAX_RECEIPT_RANDOM = 2 ** (8 * RECEIPT_RANDOM_BYTES) - 1;

/** The random bytes a receipt number is made of, big-endian, for a fixed `value`. */
export function receiptRandomBytes(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > MAX_RECEIPT_RANDOM) throw new RangeError('receipt random value out of range');
  const bytes = new Uint8Array(RECEIPT_RANDOM_BYTES);
  for (let index = RECEIPT_RANDOM_BYTES - 1, rest = value; index >= 0; index--, rest = Math.floor(rest / 256)) bytes[index] = rest % 256;
  return bytes;
}

/**
 * A receipt number of today's (random) form whose random part is `value`: fixtures get numbers that
 * are valid, distinct for distinct values and the same on every run. A kiosk draws the bytes from
 * node:crypto instead.
 */
export function receiptNumberOf(kioskCode: string, value: number): string {
  return formatReceiptNumber(kioskCode, receiptRandomBytes(value));
}
