import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../src/shared/domain/languages.js';
import { ISSUE_CODES, isIssueCode } from '../../../../src/shared/forms/messages.js';
import { issueMessage } from './issue-text.js';

const SAMPLE_PARAMS = { min: 2, max: 5, script: 'cyrillic', examples: 'ID1234567', pinDate: '1985-04-12', birthDate: '1985-04-13' };

describe('form messages', () => {
  it('has a non-empty message in ky, ru and en for every issue code, with and without parameters', () => {
    for (const code of ISSUE_CODES) {
      for (const params of [undefined, SAMPLE_PARAMS]) {
        const message = issueMessage(code, params);
        for (const language of LANGUAGES) {
          expect(message[language].trim().length, `${code} ${language}`).toBeGreaterThan(10);
          expect(message[language], `${code} ${language}`).not.toMatch(/undefined|NaN|\{|\}|invalid input/i);
        }
      }
    }
  });

  it('writes Kyrgyz and Russian in Cyrillic and English in Latin', () => {
    for (const code of ISSUE_CODES) {
      const message = issueMessage(code, SAMPLE_PARAMS);
      expect(message.ky, code).toMatch(/[а-яөүң]/i);
      expect(message.ru, code).toMatch(/[а-я]/i);
      // English texts may quote the Kyrgyz letters ң ө ү, but nothing else outside ASCII and the dash.
      expect(message.en, code).toMatch(/^[\x20-\x7E—ңөү]+$/);
    }
  });

  it('says how to fix an invalid PIN, with an example', () => {
    const message = issueMessage('INVALID_PIN');
    expect(message.ru).toContain('Введите 14 цифр');
    for (const language of LANGUAGES) expect(message[language]).toContain('21204198500012');
  });

  it('fills in limits with the right Russian forms', () => {
    expect(issueMessage('TOO_LONG', { max: 200 }).ru).toBe('Сократите текст до 200 символов.');
    expect(issueMessage('TOO_LONG', { max: 21 }).ru).toBe('Сократите текст до 21 символа.');
    expect(issueMessage('TOO_SHORT', { min: 1 }).en).toBe('Enter at least 1 character.');
    expect(issueMessage('TOO_FEW_ITEMS', { min: 1 }).ru).toContain('1 записи');
    expect(issueMessage('TOO_MANY_ITEMS', { max: 5 }).ru).toContain('5 записей');
    expect(issueMessage('TOO_SMALL', { min: 0.5 }).ru).toContain('0,5');
    expect(issueMessage('TOO_SMALL', { min: 0.5 }).en).toContain('0.5');
  });

  it('shows dates in the PIN warning as DD.MM.YYYY', () => {
    const message = issueMessage('PIN_BIRTH_DATE_MISMATCH', { pinDate: '1985-04-12', birthDate: '1985-04-13' });
    for (const language of LANGUAGES) {
      expect(message[language]).toContain('12.04.1985');
      expect(message[language]).toContain('13.04.1985');
    }
  });

  it('asks for Latin or Cyrillic as the field wants', () => {
    expect(issueMessage('WRONG_SCRIPT', { script: 'latin' }).en).toContain('Latin letters only');
    expect(issueMessage('WRONG_SCRIPT', { script: 'cyrillic' }).en).toContain('Cyrillic letters only');
  });

  it('recognises issue codes', () => {
    expect(isIssueCode('REQUIRED')).toBe(true);
    expect(isIssueCode('required')).toBe(false);
    expect(isIssueCode('toString')).toBe(false);
  });
});
