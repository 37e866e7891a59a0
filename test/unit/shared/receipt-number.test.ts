import { describe, expect, it } from 'vitest';
import { MAX_RECEIPT_SEQUENCE, RECEIPT_ALPHABET, formatReceiptNumber, isValidOfficeCode, normaliseReceiptNumber, officeCodeOfKiosk } from '../../../src/shared/domain/receipt-number.js';

describe('receipt numbers', () => {
  it('reads as kiosk, sequence and check in three short groups', () => {
    const receipt = formatReceiptNumber('BSK1', 1);
    expect(receipt).toMatch(/^BSK1-0000-1[0-9A-Z]$/);
    expect(formatReceiptNumber('BSK1', MAX_RECEIPT_SEQUENCE)).toMatch(/^BSK1-ZZZZ-Z.$/);
  });

  it('is different for every sequence number and every kiosk', () => {
    const seen = new Set<string>();
    for (const kiosk of ['BSK1', 'BSK2', 'JAM1']) for (let sequence = 0; sequence < 3000; sequence++) seen.add(formatReceiptNumber(kiosk, sequence));
    expect(seen.size).toBe(9000);
  });

  it('accepts what a person reads back, with spaces, lower case and look-alike letters', () => {
    const receipt = formatReceiptNumber('BSK1', 123_456);
    expect(normaliseReceiptNumber(receipt)).toBe(receipt);
    expect(normaliseReceiptNumber(receipt.toLowerCase().replace(/-/g, ' '))).toBe(receipt);
    expect(normaliseReceiptNumber(receipt.replace(/1/g, 'I'))).toBe(receipt);
  });

  it('catches every single mistyped character and every swap of different neighbours (but 0↔Z)', () => {
    for (const sequence of [0, 1, 777, 123_456, MAX_RECEIPT_SEQUENCE]) {
      const compact = formatReceiptNumber('BSK1', sequence).replace(/-/g, '');
      for (let position = 0; position < compact.length; position++) {
        for (const replacement of RECEIPT_ALPHABET) {
          if (replacement === compact[position]) continue;
          const typo = compact.slice(0, position) + replacement + compact.slice(position + 1);
          expect(normaliseReceiptNumber(typo), typo).toBeNull();
        }
        const pair = compact[position]! + compact[position + 1];
        if (position < compact.length - 1 && compact[position] !== compact[position + 1] && pair !== '0Z' && pair !== 'Z0') {
          const swapped = compact.slice(0, position) + compact[position + 1] + compact[position] + compact.slice(position + 2);
          expect(normaliseReceiptNumber(swapped), swapped).toBeNull();
        }
      }
    }
  });

  it('refuses a bad kiosk code or sequence rather than making an ambiguous number', () => {
    expect(() => formatReceiptNumber('BSKI', 1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('BSK', 1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('BSK1', -1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('BSK1', MAX_RECEIPT_SEQUENCE + 1)).toThrow(RangeError);
    expect(normaliseReceiptNumber('')).toBeNull();
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
