import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECEIPT_ALPHABET } from '../../../src/shared/domain/receipt-number.js';
import { ENROLMENT_CODE_PATTERN, enrolmentCodeFromRandom, normaliseEnrolmentCode } from '../../../src/shared/domain/enrolment-code.js';

describe('enrolment codes', () => {
  it('are ten characters of the receipt alphabet in two groups of five, and read back as typed', () => {
    for (let index = 0; index < 200; index++) {
      const code = enrolmentCodeFromRandom(randomBytes(9));
      expect(code).toMatch(ENROLMENT_CODE_PATTERN);
      expect(normaliseEnrolmentCode(code)).toBe(code);
    }
  });

  it('forgive case, spaces, a missing hyphen and the look-alikes I, L and O', () => {
    const code = enrolmentCodeFromRandom(Uint8Array.from([1, 0, 0, 1, 2, 3, 4, 5, 6]));
    expect(code.slice(0, 4)).toBe('1001');
    const typed = `${code.slice(0, 5)} ${code.slice(6)}`.toLowerCase().replace('1', 'l').replace('0', 'o').replace('1', 'I');
    expect(normaliseEnrolmentCode(typed)).toBe(code);
    expect(normaliseEnrolmentCode(code.replace('-', ''))).toBe(code);
  });

  it('catch every single mistyped character and every swap of two different neighbours but 0↔Z', () => {
    const code = enrolmentCodeFromRandom(randomBytes(9)).replace('-', '');
    for (let position = 0; position < 10; position++) {
      for (const character of RECEIPT_ALPHABET) {
        if (character === code[position]) continue;
        expect(normaliseEnrolmentCode(code.slice(0, position) + character + code.slice(position + 1))).toBeNull();
      }
    }
    for (let position = 0; position < 9; position++) {
      const [a, b] = [code[position]!, code[position + 1]!];
      if (a === b || `${a}${b}` === '0Z' || `${a}${b}` === 'Z0') continue;
      expect(normaliseEnrolmentCode(code.slice(0, position) + b + a + code.slice(position + 2))).toBeNull();
    }
  });

  it('refuse anything that is not ten characters of the alphabet', () => {
    expect(normaliseEnrolmentCode('')).toBeNull();
    expect(normaliseEnrolmentCode('ABCDE-FGHJ')).toBeNull();
    expect(normaliseEnrolmentCode('ABCDE-FGHJKM')).toBeNull();
    expect(normaliseEnrolmentCode('ABCDE-FGHJU')).toBeNull();
  });

  it('use every character of the alphabet equally often, so no position carries fewer than five bits', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const character = enrolmentCodeFromRandom(new Uint8Array(9).fill(byte))[0]!;
      counts.set(character, (counts.get(character) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });
});
