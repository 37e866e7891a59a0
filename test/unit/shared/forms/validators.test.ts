import { describe, expect, it } from 'vitest';
import {
  characterCount,
  dayNumber,
  hasOnlyScript,
  isValidEmail,
  isValidIsoDate,
  isValidPostalCode,
  matchDocumentNumber,
  normaliseDocumentNumber,
  normaliseEmail,
  normaliseLongText,
  normalisePhone,
  normalisePin,
  normaliseText,
  parseIsoDate,
  parsePin,
  wholeYearsBetween,
} from '../../../../src/shared/forms/validators.js';

const TODAY = '2026-03-15';

describe('parsePin', () => {
  it('reads a male PIN: sex 2, birth date 12.04.1985', () => {
    expect(parsePin('21204198500012', TODAY)).toEqual({ sex: 'male', birthDate: '1985-04-12' });
  });

  it('reads a female PIN: sex 1', () => {
    expect(parsePin('11204198500012', TODAY)).toEqual({ sex: 'female', birthDate: '1985-04-12' });
  });

  it('accepts spaces anywhere, including no-break spaces', () => {
    expect(parsePin(' 2 1204 1985 00012 ', TODAY)).toEqual({ sex: 'male', birthDate: '1985-04-12' });
    expect(parsePin('2\u00a012041985\u202f00012', TODAY)?.birthDate).toBe('1985-04-12');
    expect(normalisePin(' 2 1204 1985 00012 ', TODAY)).toBe('21204198500012');
  });

  it('refuses 31 February and other dates the calendar does not have', () => {
    expect(parsePin('23102199000012', TODAY)).toBeNull(); // 31.02.1990
    expect(parsePin('22902199000012', TODAY)).toBeNull(); // 29.02.1990, not a leap year
    expect(parsePin('22902200000012', TODAY)).toEqual({ sex: 'male', birthDate: '2000-02-29' }); // 2000 is a leap year
    expect(parsePin('20001199000012', TODAY)).toBeNull(); // day 00
    expect(parsePin('21013199000012', TODAY)).toBeNull(); // month 13
  });

  it('refuses the wrong length, a wrong first digit, letters and non-Arabic digits', () => {
    expect(parsePin('2120419850001', TODAY)).toBeNull(); // 13 digits
    expect(parsePin('212041985000123', TODAY)).toBeNull(); // 15 digits
    expect(parsePin('31204198500012', TODAY)).toBeNull(); // sex digit 3
    expect(parsePin('01204198500012', TODAY)).toBeNull();
    expect(parsePin('2120419850001A', TODAY)).toBeNull();
    expect(parsePin('2120419850OO12', TODAY)).toBeNull(); // letter O for zero
    expect(parsePin('٢١٢٠٤١٩٨٥٠٠٠١٢', TODAY)).toBeNull(); // Arabic-Indic digits
    expect(parsePin('2-1204-1985-00012', TODAY)).toBeNull();
    expect(parsePin('', TODAY)).toBeNull();
    expect(parsePin('   ', TODAY)).toBeNull();
  });

  it('refuses birth dates in the future and before 1900', () => {
    expect(parsePin('21603202600012', TODAY)).toBeNull(); // 16.03.2026, tomorrow
    expect(parsePin('21503202600012', TODAY)).toEqual({ sex: 'male', birthDate: '2026-03-15' }); // today
    expect(parsePin('21204189900012', TODAY)).toBeNull(); // 1899
    expect(parsePin('20101190000012', TODAY)?.birthDate).toBe('1900-01-01');
  });

  it('uses the device date when no date is given', () => {
    expect(parsePin('21204198500012')?.birthDate).toBe('1985-04-12');
    expect(parsePin('20101299900012')).toBeNull(); // 2999
  });

  it('returns quickly on a 10,000-character input', () => {
    expect(parsePin('2'.repeat(10_000), TODAY)).toBeNull();
  });
});

describe('normalisePhone', () => {
  it('normalises the three ways people write a Kyrgyz mobile number to E.164', () => {
    expect(normalisePhone('0700 123 456')).toBe('+996700123456');
    expect(normalisePhone('+996 700 123 456')).toBe('+996700123456');
    expect(normalisePhone('700123456')).toBe('+996700123456');
  });

  it('accepts the numbers of every operator and a Bishkek landline', () => {
    expect(normalisePhone('0555 123 456')).toBe('+996555123456');
    expect(normalisePhone('0772 123 456')).toBe('+996772123456');
    expect(normalisePhone('0999 123 456')).toBe('+996999123456');
    expect(normalisePhone('(0312) 12-34-56')).toBe('+996312123456');
    expect(normalisePhone('+996 (700) 12-34-56')).toBe('+996700123456');
  });

  it('refuses short numbers, Russian numbers, unallocated ranges and text', () => {
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('+7 912 345 67 89')).toBeNull();
    expect(normalisePhone('+79123456789')).toBeNull();
    expect(normalisePhone('0111 111 111')).toBeNull();
    // Right length, but no operator has the range: the full metadata knows, the default one does not.
    expect(normalisePhone('0840 123 456')).toBeNull();
    expect(normalisePhone('0700 123 4567')).toBeNull();
    expect(normalisePhone('call 0700123456')).toBeNull();
    expect(normalisePhone('0700123456 ext. 5')).toBeNull();
    expect(normalisePhone('')).toBeNull();
    expect(normalisePhone('+')).toBeNull();
    expect(normalisePhone('0'.repeat(10_000))).toBeNull();
  });
});

describe('isValidEmail', () => {
  it('accepts ordinary addresses', () => {
    expect(isValidEmail('aibek@mail.kg')).toBe(true);
    expect(isValidEmail('aibek.asanov+kiosk@gov.example.kg')).toBe(true);
    expect(normaliseEmail('  Aibek@Mail.KG ')).toBe('Aibek@mail.kg');
  });

  it('refuses addresses a visitor could not receive mail at', () => {
    for (const address of ['aibek', 'aibek@', '@mail.kg', 'aibek@mail', 'a..b@mail.kg', '.a@mail.kg', 'a@@mail.kg', 'a@b@mail.kg', 'айбек@mail.kg', 'aibek@mail.kg ', 'a b@mail.kg', 'aibek@-mail.kg', 'aibek@mail.k', '']) {
      expect(isValidEmail(address), address).toBe(false);
    }
    expect(isValidEmail(`${'a'.repeat(65)}@mail.kg`)).toBe(false);
    expect(isValidEmail(`a@${'b'.repeat(10_000)}.kg`)).toBe(false);
  });
});

describe('normaliseDocumentNumber', () => {
  it('accepts ID cards and legacy cards, upper-cased and without spaces', () => {
    expect(normaliseDocumentNumber('ID1234567', ['id-card'])).toBe('ID1234567');
    expect(normaliseDocumentNumber(' id 123 4567 ', ['id-card'])).toBe('ID1234567');
    expect(normaliseDocumentNumber('AN 1234567', ['id-card', 'id-card-legacy'])).toBe('AN1234567');
  });

  it('maps Cyrillic look-alikes typed on the Cyrillic layer to Latin', () => {
    expect(normaliseDocumentNumber('АN1234567', ['id-card-legacy'])).toBe('AN1234567'); // Cyrillic А
    expect(normaliseDocumentNumber('АН1234567', ['id-card-legacy'])).toBeNull(); // Н looks like H, not N
    expect(normaliseDocumentNumber('ІD1234567', ['id-card'])).toBe('ID1234567'); // Cyrillic І
    expect(normaliseDocumentNumber('ас 1234567', ['foreign-passport'])).toBe('AC1234567');
    expect(normaliseDocumentNumber('РЕ1234567', ['foreign-passport'])).toBe('PE1234567');
  });

  it('tells which kind matched, first kind first', () => {
    expect(matchDocumentNumber('ID1234567', ['foreign-passport', 'id-card'])).toEqual({ kind: 'foreign-passport', number: 'ID1234567' });
    expect(matchDocumentNumber('AN1234567', ['id-card', 'id-card-legacy'])).toEqual({ kind: 'id-card-legacy', number: 'AN1234567' });
  });

  it('keeps civil-certificate series in Cyrillic with the Roman numeral in Latin', () => {
    expect(normaliseDocumentNumber('I-АН 123456', ['civil-certificate'])).toBe('I-АН123456');
    expect(normaliseDocumentNumber('ii-ah № 1234567', ['civil-certificate'])).toBe('II-АН1234567');
    expect(normaliseDocumentNumber('ІІ АН 123456', ['civil-certificate'])).toBe('II-АН123456');
    expect(normaliseDocumentNumber('XXІ–БД 123456', ['civil-certificate'])).toBe('XXI-БД123456');
    expect(normaliseDocumentNumber('I-АН 12345', ['civil-certificate'])).toBeNull();
  });

  it('refuses numbers of the wrong kind, length or alphabet', () => {
    expect(normaliseDocumentNumber('ID123456', ['id-card'])).toBeNull();
    expect(normaliseDocumentNumber('ID12345678', ['id-card'])).toBeNull();
    expect(normaliseDocumentNumber('AN1234567', ['id-card'])).toBeNull();
    expect(normaliseDocumentNumber('ИД1234567', ['id-card'])).toBeNull();
    expect(normaliseDocumentNumber('', ['id-card'])).toBeNull();
    expect(normaliseDocumentNumber('ID1234567😀', ['id-card'])).toBeNull();
    expect(normaliseDocumentNumber('I'.repeat(10_000), ['civil-certificate'])).toBeNull();
    expect(normaliseDocumentNumber('ID1234567', [])).toBeNull();
  });

  it('accepts driving licences of two or three letters and 6 or 7 digits', () => {
    expect(normaliseDocumentNumber('AB 123456', ['driving-licence'])).toBe('AB123456');
    expect(normaliseDocumentNumber('KGZ1234567', ['driving-licence'])).toBe('KGZ1234567');
    expect(normaliseDocumentNumber('A1234567', ['driving-licence'])).toBeNull();
  });
});

describe('isValidPostalCode', () => {
  it('accepts 6 digits starting with 7', () => {
    expect(isValidPostalCode('720001')).toBe(true);
    expect(isValidPostalCode(' 720 001 ')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const code of ['620001', '72000', '7200011', '72OOO1', '', '７２０００１']) expect(isValidPostalCode(code), code).toBe(false);
  });
});

describe('normaliseText', () => {
  it('trims, collapses whitespace and composes to NFC', () => {
    expect(normaliseText('  Асан   \t уулу \n Кылыч ')).toBe('Асан уулу Кылыч');
    expect(normaliseText('и\u0306')).toBe('й');
    expect(normaliseText('\u00a0\u2003 ')).toBe('');
    expect(normaliseText('a\u0000b')).toBe('a b');
  });

  it('keeps line breaks in long text, at most one empty line in a row', () => {
    expect(normaliseLongText('  one  \r\n\r\n\r\n\r\n  two\u0007 ')).toBe('one\n\ntwo');
  });

  it('counts characters as code points', () => {
    expect(characterCount('ң😀')).toBe(2);
    expect(characterCount('')).toBe(0);
  });
});

describe('hasOnlyScript', () => {
  it('accepts Kyrgyz Cyrillic names with ң, ө, ү, hyphens, apostrophes and dots', () => {
    expect(hasOnlyScript('Асанов', 'cyrillic')).toBe(true);
    expect(hasOnlyScript('Эсен уулу Кылыч', 'cyrillic')).toBe(true);
    expect(hasOnlyScript('Өмүрбек Түңгүч-Ёлдошев', 'cyrillic')).toBe(true);
    expect(hasOnlyScript("Д'Артаньян", 'cyrillic')).toBe(true);
    expect(hasOnlyScript('Ж. Баласагын', 'cyrillic')).toBe(true);
  });

  it('flags Latin look-alikes hidden inside a Cyrillic word', () => {
    expect(hasOnlyScript('Асанoв', 'cyrillic')).toBe(false); // Latin o
    expect(hasOnlyScript('Aсанов', 'cyrillic')).toBe(false); // Latin A
    expect(hasOnlyScript('Асанов', 'latin')).toBe(false);
  });

  it('refuses other look-alikes, digits, emoji and punctuation-only text', () => {
    expect(hasOnlyScript('Ұлан', 'cyrillic')).toBe(false); // Kazakh Ұ
    expect(hasOnlyScript('Іван', 'cyrillic')).toBe(false); // Ukrainian І
    expect(hasOnlyScript('Асан2', 'cyrillic')).toBe(false);
    expect(hasOnlyScript('Асан😀', 'cyrillic')).toBe(false);
    expect(hasOnlyScript('- .', 'cyrillic')).toBe(false);
    expect(hasOnlyScript('', 'latin')).toBe(false);
  });

  it('accepts Latin names, with diacritics, for transliteration fields', () => {
    expect(hasOnlyScript('ASANOV', 'latin')).toBe(true);
    expect(hasOnlyScript("O'Brien-Smith", 'latin')).toBe(true);
    expect(hasOnlyScript('José Müller', 'latin')).toBe(true);
    expect(hasOnlyScript('ASANOV_', 'latin')).toBe(false);
  });
});

describe('dates', () => {
  it('knows the calendar', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-02-31')).toBe(false);
    expect(isValidIsoDate('2023-2-3')).toBe(false);
    expect(isValidIsoDate('2023-04-31')).toBe(false);
    expect(isValidIsoDate(20230101)).toBe(false);
    expect(parseIsoDate('1900-02-29')).toBeNull();
  });

  it('counts days exactly, also across centuries', () => {
    const day = (text: string): number => {
      const date = parseIsoDate(text);
      if (!date) throw new Error(text);
      return dayNumber(date);
    };
    expect(day('1970-01-01')).toBe(0);
    expect(day('2000-03-01') - day('2000-02-28')).toBe(2);
    expect(day('1900-03-01') - day('1900-02-28')).toBe(1);
    expect(day('0050-01-01') - day('0049-01-01')).toBe(365);
    expect(day('2026-03-15')).toBe(Date.UTC(2026, 2, 15) / 86_400_000);
  });

  it('counts whole years, with 29 February birthdays one year older on 28 February', () => {
    const years = (from: string, to: string): number => {
      const a = parseIsoDate(from);
      const b = parseIsoDate(to);
      if (!a || !b) throw new Error('bad date');
      return wholeYearsBetween(a, b);
    };
    expect(years('1985-04-12', '2026-04-11')).toBe(40);
    expect(years('1985-04-12', '2026-04-12')).toBe(41);
    expect(years('2008-02-29', '2026-02-27')).toBe(17);
    expect(years('2008-02-29', '2026-02-28')).toBe(18);
    expect(years('2008-02-29', '2028-02-28')).toBe(19);
    expect(years('2008-02-29', '2028-02-29')).toBe(20);
    expect(years('2026-03-16', '2026-03-15')).toBe(-1);
  });
});
