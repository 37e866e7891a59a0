import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_RECEIPT_SEQUENCE,
  RECEIPT_ALPHABET,
  RECEIPT_RANDOM_BYTES,
  formatLegacyReceiptNumber,
  formatReceiptNumber,
  isLegacyReceiptNumber,
  isValidOfficeCode,
  normaliseReceiptNumber,
  officeCodeOfKiosk,
} from '../../../src/shared/domain/receipt-number.js';
import { MAX_RECEIPT_RANDOM, receiptNumberOf, receiptRandomBytes } from '../../support/receipt-numbers.js';

const RANDOM_FORM = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/;

/** Every single substitution and every swap of two different neighbours of a compact number. */
function* typosOf(compact: string): Generator<string> {
  for (let position = 0; position < compact.length; position++) {
    for (const replacement of RECEIPT_ALPHABET) {
      if (replacement !== compact[position]) yield compact.slice(0, position) + replacement + compact.slice(position + 1);
    }
    if (position < compact.length - 1 && compact[position] !== compact[position + 1]) {
      yield compact.slice(0, position) + compact[position + 1] + compact[position] + compact.slice(position + 2);
    }
  }
}

describe('receipt numbers', () => {
  it('reads as kiosk code, two groups of four random characters and the check character', () => {
    expect(receiptNumberOf('BSK1', 0)).toMatch(/^BSK1-0000-0000-.$/);
    expect(receiptNumberOf('BSK1', MAX_RECEIPT_RANDOM)).toMatch(/^BSK1-ZZZZ-ZZZZ-.$/);
    // Five bits a character, most significant first: 1 is the last character, 32 the one before.
    expect(receiptNumberOf('BSK1', 1)).toMatch(/^BSK1-0000-0001-.$/);
    expect(receiptNumberOf('BSK1', 32)).toMatch(/^BSK1-0000-0010-.$/);
    for (let index = 0; index < 100; index++) expect(formatReceiptNumber('JAM2', randomBytes(RECEIPT_RANDOM_BYTES))).toMatch(RANDOM_FORM);
  });

  it('carries 40 random bits: 10,000 numbers from real randomness are distinct and use the whole alphabet in every position', () => {
    const numbers = Array.from({ length: 10_000 }, () => formatReceiptNumber('BSK1', randomBytes(RECEIPT_RANDOM_BYTES)));
    expect(new Set(numbers).size).toBe(10_000);
    const randomParts = numbers.map((receipt) => receipt.replace(/-/g, '').slice(4, 12));
    for (let position = 0; position < 8; position++) {
      const counts = new Map<string, number>();
      for (const part of randomParts) counts.set(part[position]!, (counts.get(part[position]!) ?? 0) + 1);
      // Uniform: 312.5 of each character expected; 200 and 430 are more than six standard deviations out.
      expect(counts.size, `position ${position}`).toBe(32);
      for (const [character, count] of counts) {
        expect(count, `${character} at ${position}`).toBeGreaterThan(200);
        expect(count, `${character} at ${position}`).toBeLessThan(430);
      }
    }
  });

  it('gives every 40-bit value its own number', () => {
    const seen = new Set<string>();
    for (const kiosk of ['BSK1', 'BSK2', 'JAM1']) {
      for (let value = 0; value < 3000; value++) seen.add(receiptNumberOf(kiosk, value));
      for (let value = MAX_RECEIPT_RANDOM - 3000; value < MAX_RECEIPT_RANDOM; value++) seen.add(receiptNumberOf(kiosk, value));
    }
    expect(seen.size).toBe(18_000);
  });

  it('accepts what a person reads back, with spaces, lower case and look-alike letters', () => {
    const receipt = receiptNumberOf('BSK1', 0x0842_1084_21); // every random character is 1
    expect(receipt).toMatch(/^BSK1-1111-1111-.$/);
    expect(normaliseReceiptNumber(receipt)).toBe(receipt);
    expect(normaliseReceiptNumber(receipt.toLowerCase().replace(/-/g, ' '))).toBe(receipt);
    expect(normaliseReceiptNumber(` ${receipt.replace(/-/g, '')} `)).toBe(receipt);
    expect(normaliseReceiptNumber(receipt.replace(/1/g, 'I'))).toBe(receipt);
    expect(normaliseReceiptNumber(receipt.replace(/1/g, 'l'))).toBe(receipt);
    const zeros = receiptNumberOf('BSK1', 0);
    expect(normaliseReceiptNumber(zeros.replace(/0/g, 'o'))).toBe(zeros);
    // Spoken in pairs, typed in other groups: the grouping is the kiosk's, not the visitor's.
    const compact = zeros.replace(/-/g, '');
    expect(normaliseReceiptNumber(`${compact.slice(0, 2)} ${compact.slice(2, 7)}-${compact.slice(7)}`)).toBe(zeros);
  });

  it('catches every single mistyped character and every swap of different neighbours', () => {
    const numbers = [0, 1, 777, 123_456_789, MAX_RECEIPT_RANDOM].map((value) => receiptNumberOf('BSK1', value));
    for (let index = 0; index < 20; index++) numbers.push(formatReceiptNumber('NRN3', randomBytes(RECEIPT_RANDOM_BYTES)));
    let typos = 0;
    for (const receipt of numbers) {
      for (const typo of typosOf(receipt.replace(/-/g, ''))) {
        expect(normaliseReceiptNumber(typo), `${typo} for ${receipt}`).toBeNull();
        typos++;
      }
    }
    expect(typos).toBeGreaterThan(numbers.length * 13 * 31);
  });

  it('catches a swap of any two characters, neighbours or not, 0↔Z included', () => {
    const compact = formatReceiptNumber('B0Z1', receiptRandomBytes(0x1f_0f_e0_3c_ab)).replace(/-/g, '');
    for (let first = 0; first < compact.length; first++) {
      for (let second = first + 1; second < compact.length; second++) {
        if (compact[first] === compact[second]) continue;
        const swapped = [...compact];
        [swapped[first], swapped[second]] = [swapped[second]!, swapped[first]!];
        expect(normaliseReceiptNumber(swapped.join('')), swapped.join('')).toBeNull();
      }
    }
  });

  it('refuses a bad kiosk code or a wrong amount of randomness rather than making an ambiguous number', () => {
    expect(() => formatReceiptNumber('BSKI', randomBytes(RECEIPT_RANDOM_BYTES))).toThrow(RangeError);
    expect(() => formatReceiptNumber('BSK', randomBytes(RECEIPT_RANDOM_BYTES))).toThrow(RangeError);
    expect(() => formatReceiptNumber('BSK1', randomBytes(4))).toThrow(RangeError);
    expect(() => formatReceiptNumber('BSK1', randomBytes(6))).toThrow(RangeError);
    expect(normaliseReceiptNumber('')).toBeNull();
    expect(normaliseReceiptNumber('BSK1-0000-0000')).toBeNull();
    expect(normaliseReceiptNumber(`${receiptNumberOf('BSK1', 5)}0`)).toBeNull();
    expect(normaliseReceiptNumber(receiptNumberOf('BSK1', 5).replace('BSK1', 'BSKU'))).toBeNull();
  });
});

describe('receipt numbers of the old sequential form', () => {
  it('still read as kiosk, sequence and check in three short groups', () => {
    const receipt = formatLegacyReceiptNumber('BSK1', 1);
    expect(receipt).toMatch(/^BSK1-0000-1[0-9A-Z]$/);
    expect(formatLegacyReceiptNumber('BSK1', MAX_RECEIPT_SEQUENCE)).toMatch(/^BSK1-ZZZZ-Z.$/);
    expect(isLegacyReceiptNumber(receipt)).toBe(true);
    expect(isLegacyReceiptNumber(receiptNumberOf('BSK1', 1))).toBe(false);
  });

  it('still normalise, with spaces, lower case and look-alike letters', () => {
    const receipt = formatLegacyReceiptNumber('BSK1', 123_456);
    expect(normaliseReceiptNumber(receipt)).toBe(receipt);
    expect(normaliseReceiptNumber(receipt.toLowerCase().replace(/-/g, ' '))).toBe(receipt);
    expect(normaliseReceiptNumber(receipt.replace(/1/g, 'I'))).toBe(receipt);
    expect(normaliseReceiptNumber(formatLegacyReceiptNumber('BSK1', 0).replace(/0/g, 'O'))).toBe(formatLegacyReceiptNumber('BSK1', 0));
  });

  it('still catch every single mistyped character and every swap of different neighbours (but 0↔Z, Luhn’s blind pair)', () => {
    for (const sequence of [0, 1, 777, 123_456, MAX_RECEIPT_SEQUENCE]) {
      const compact = formatLegacyReceiptNumber('BSK1', sequence).replace(/-/g, '');
      for (const typo of typosOf(compact)) {
        const swappedBlindPair = [...typo].filter((character, index) => character !== compact[index]).sort().join('') === '0Z';
        if (!swappedBlindPair) expect(normaliseReceiptNumber(typo), typo).toBeNull();
      }
    }
  });

  it('refuses a bad kiosk code or sequence', () => {
    expect(() => formatLegacyReceiptNumber('BSKI', 1)).toThrow(RangeError);
    expect(() => formatLegacyReceiptNumber('BSK', 1)).toThrow(RangeError);
    expect(() => formatLegacyReceiptNumber('BSK1', -1)).toThrow(RangeError);
    expect(() => formatLegacyReceiptNumber('BSK1', MAX_RECEIPT_SEQUENCE + 1)).toThrow(RangeError);
    expect(normaliseReceiptNumber('BSK1-0000-1')).toBeNull();
  });
});

describe('office codes', () => {
  it('a kiosk stands in the office its code starts with', () => {
    expect(officeCodeOfKiosk('BSK1')).toBe('BSK');
    expect(officeCodeOfKiosk('NRN2')).not.toBe(officeCodeOfKiosk('BSK2'));
    expect(isValidOfficeCode(officeCodeOfKiosk('KRK9'))).toBe(true);
  });

  it('refuses what is not a kiosk or office code', () => {
    expect(() => officeCodeOfKiosk('BSKI')).toThrow(RangeError);
    expect(() => officeCodeOfKiosk('BSK')).toThrow(RangeError);
    expect(isValidOfficeCode('BSK1')).toBe(false);
    expect(isValidOfficeCode('bsk')).toBe(false);
    expect(isValidOfficeCode('BSO')).toBe(false);
  });
});
