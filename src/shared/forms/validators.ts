import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { KYRGYZ_PHONE_METADATA } from './phone-metadata-kg.js';
import { type DOCUMENT_KINDS } from './form-schema.js';
import { formatIsoDate, localIsoDate, type CalendarDate } from './local-date.js';

export { formatIsoDate, localIsoDate, type CalendarDate };

/**
 * Kyrgyz identifiers and the small text helpers the form engine needs. Everything here is pure and
 * total: any string in gives an answer out, never an exception, so the renderer can call it on
 * every keystroke and the host on every submission with the same result.
 */

// ---------------------------------------------------------------------------------------------
// Dates (YYYY-MM-DD, the only date form answers and expressions use)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** A real calendar date in YYYY-MM-DD (2023-02-31 is not), else null. */
export function parseIsoDate(input: unknown): CalendarDate | null {
  if (typeof input !== 'string' || input.length !== 10) return null;
  const match = ISO_DATE.exec(input);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function isValidIsoDate(input: unknown): input is string {
  return parseIsoDate(input) !== null;
}


/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar, by integer arithmetic (Date.UTC would
 * shift years 0–99 into the 1900s), so the difference of two day numbers is exact.
 */
export function dayNumber(date: CalendarDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const monthFromMarch = (date.month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Compares two dates: negative if a is earlier, 0 if equal, positive if later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Whole years from `from` to `to` (negative when `from` is later). Someone born on 29 February
 * reaches a new age on 28 February in common years: a term counted in years ends on the last day
 * of the month when that month has no such day (the rule of the Civil Code for terms) [A].
 */
export function wholeYearsBetween(from: CalendarDate, to: CalendarDate): number {
  let years = to.year - from.year;
  let anniversaryDay = from.day;
  if (from.month === 2 && from.day === 29 && !isLeapYear(to.year)) anniversaryDay = 28;
  if (to.month < from.month || (to.month === from.month && to.day < anniversaryDay)) years -= 1;
  return years;
}


// ---------------------------------------------------------------------------------------------
// PIN (ПИН / ИНН): S DDMMYYYY NNNNN, S = 1 female, 2 male. The structure is a convention from
// third-party code, not a normative text [A, domain-facts §2]; there is no public check digit.

export interface PinInfo {
  sex: 'female' | 'male';
  birthDate: string; // YYYY-MM-DD
}

const PIN_SHAPE = /^[12][0-9]{13}$/;
const EARLIEST_PIN_BIRTH_YEAR = 1900;

/** Removes every kind of space (incl. no-break and thin spaces) a visitor or a paste may add. */
function stripSpaces(input: string): string {
  return input.replace(/[\s\u200B\u2060]+/gu, '');
}

/**
 * The sex and birth date a PIN encodes, or null when it is not a PIN: 14 ASCII digits, first 1 or
 * 2, then a real DDMMYYYY date from 1900 up to `today` (the kiosk's date; the device clock when
 * absent). Spaces anywhere are ignored.
 */
export function parsePin(input: string, today?: string): PinInfo | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const pin = stripSpaces(input);
  if (!PIN_SHAPE.test(pin)) return null;
  const day = Number(pin.slice(1, 3));
  const month = Number(pin.slice(3, 5));
  const year = Number(pin.slice(5, 9));
  if (year < EARLIEST_PIN_BIRTH_YEAR || !isRealDate(year, month, day)) return null;
  const birth = { year, month, day };
  const todayDate = parseIsoDate(today ?? localIsoDate());
  if (todayDate && compareDates(birth, todayDate) > 0) return null;
  return { sex: pin[0] === '1' ? 'female' : 'male', birthDate: formatIsoDate(birth) };
}

/** The PIN without spaces when it is valid, else null. */
export function normalisePin(input: string, today?: string): string | null {
  return parsePin(input, today) ? stripSpaces(input) : null;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/**
 * Digits with the separators people write: "0700 123 456", "+996 (700) 12-34-56", "700123456".
 * Letters are refused up front because libphonenumber would otherwise pick a number out of text.
 */
const PHONE_CHARACTERS = /^\+?[0-9\s().-]+$/u;

/**
 * E.164 ("+996700123456") for a valid Kyrgyz number, else null. Uses the full ("max") metadata, for KG only:
 * the default metadata checks only the length of a KG number, so it would accept 0610 123 456 or
 * 0840 123 456, which no operator issues; the max metadata knows the allocated mobile and
 * landline ranges (70x, 77x, 55x, 99x, 312 for Bishkek, ...).
 */
export function normalisePhone(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const trimmed = input.trim();
  if (!PHONE_CHARACTERS.test(trimmed)) return null;
  try {
    const phone = parsePhoneNumberFromString(trimmed, 'KG', KYRGYZ_PHONE_METADATA);
    if (!phone || phone.country !== 'KG' || !phone.isValid()) return null;
    return phone.number;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// E-mail

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const EMAIL_TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * A practical check, not RFC 5322: ASCII local part with dots between atoms, and a domain of at
 * least two labels ending in a letter TLD. Internationalised domains must be typed as punycode;
 * the kiosk keyboard's Latin layer types the address, so Cyrillic letters here are a slip of layout.
 */
export function isValidEmail(input: string): boolean {
  if (typeof input !== 'string' || input.length > 254) return false;
  const at = input.lastIndexOf('@');
  if (at <= 0 || at !== input.indexOf('@')) return false;
  const local = input.slice(0, at);
  const domain = input.slice(at + 1);
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const topLevel = labels[labels.length - 1] ?? '';
  return labels.every((label) => EMAIL_DOMAIN_LABEL.test(label)) && EMAIL_TOP_LEVEL.test(topLevel);
}

/** Trimmed, with the domain lower-cased (domains are case-insensitive; local parts in theory are not). */
export function normaliseEmail(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (!isValidEmail(trimmed)) return null;
  const at = trimmed.indexOf('@');
  return trimmed.slice(0, at) + '@' + trimmed.slice(at + 1).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Document numbers

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Cyrillic capitals that look like Latin ones, so "АN1234567" typed on the Cyrillic layer still
 * matches. Beyond the eleven obvious pairs: У is often typed for Y, and І (Ukrainian, Kazakh) and
 * Ј (Serbian) are the very shapes of I and J. A Latin series never contains Cyrillic, so mapping
 * can only turn a refused number into an accepted one, never change an accepted one.
 */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J',
};
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х', Y: 'У',
};

function mapCharacters(input: string, table: Readonly<Record<string, string>>): string {
  let output = '';
  for (const character of input) output += Object.hasOwn(table, character) ? table[character] : character;
  return output;
}

/**
 * Formats, one per kind. ID and AN series are confirmed, their 7 digits come from common use [A];
 * foreign-passport series letters are unverified [A]; driving-licence and civil-certificate formats
 * are assumptions [A] (a Soviet-style civil-registry series: Roman numeral, two Cyrillic letters,
 * then the number, e.g. "I-АН 123456").
 */
const LATIN_FORMATS: Readonly<Record<Exclude<DocumentKind, 'civil-certificate'>, RegExp>> = {
  'id-card': /^ID\d{7}$/,
  'id-card-legacy': /^AN\d{7}$/,
  'foreign-passport': /^[A-Z]{2}\d{7}$/,
  'driving-licence': /^[A-Z]{2,3}\d{6,7}$/,
};
/** Series letters are Cyrillic on the certificate: Latin look-alikes typed there are mapped back to Cyrillic. */
const CIVIL_CERTIFICATE = /^([IVX]{1,4})-?([А-ЯЁA-Z]{2})(\d{6,7})$/u;

/** Upper-cases and drops spaces, the "№" sign and typographic dashes people add around numbers. */
function tidyDocumentNumber(input: string): string {
  return input
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s\u200B\u2060№]+/gu, '')
    .replace(/[\u2010-\u2015\u2212]/gu, '-');
}

export interface DocumentNumberMatch {
  kind: DocumentKind;
  number: string;
}

/** Which of `kinds` the number is, and its canonical form; the first matching kind wins. */
export function matchDocumentNumber(input: string, kinds: readonly DocumentKind[]): DocumentNumberMatch | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const tidy = tidyDocumentNumber(input);
  for (const kind of kinds) {
    if (kind === 'civil-certificate') {
      const match = CIVIL_CERTIFICATE.exec(mapCharacters(tidy, CYRILLIC_TO_LATIN));
      if (match) {
        const [, numeral = '', series = '', digits = ''] = match;
        return { kind, number: `${numeral}-${mapCharacters(series, LATIN_TO_CYRILLIC)}${digits}` };
      }
      continue;
    }
    const format = LATIN_FORMATS[kind];
    if (!format) continue;
    const latin = mapCharacters(tidy.replace(/-/g, ''), CYRILLIC_TO_LATIN);
    if (format.test(latin)) return { kind, number: latin };
  }
  return null;
}

/**
 * The canonical number ("ID1234567", "I-АН123456") when it matches one of `kinds`, else null:
 * upper-cased, spaces removed, Cyrillic look-alikes in Latin series mapped to Latin.
 */
export function normaliseDocumentNumber(input: string, kinds: readonly DocumentKind[]): string | null {
  return matchDocumentNumber(input, kinds)?.number ?? null;
}

// ---------------------------------------------------------------------------------------------
// Postal codes: 6 digits starting with 7 [A, domain-facts §2]

const POSTAL_CODE = /^7[0-9]{5}$/;

export function normalisePostalCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const code = stripSpaces(input);
  return POSTAL_CODE.test(code) ? code : null;
}

export function isValidPostalCode(input: string): boolean {
  return normalisePostalCode(input) !== null;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Control characters (other than the whitespace \s handles) are invisible junk in an answer. */
const CONTROL_CHARACTERS = /[\p{Cc}]/gu;

/** NFC, trimmed, every run of whitespace (incl. newlines) one space, control characters removed. */
export function normaliseText(input: string): string {
  if (typeof input !== 'string') return '';
  return input.normalize('NFC').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/gu, ' ').trim();
}

/** Like normaliseText, but keeps line breaks (at most one empty line in a row) for long answers. */
export function normaliseLongText(input: string): string {
  if (typeof input !== 'string') return '';
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/gu, ' ')
    .replace(/[^\n\P{Cc}]/gu, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Length as a visitor counts it: in code points, so an emoji or ң is one character. */
export function characterCount(input: string): number {
  let count = 0;
  for (let index = 0; index < input.length; index += 1) {
    const unit = input.charCodeAt(index);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < input.length) {
      const next = input.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
    count += 1;
  }
  return count;
}

/** Kyrgyz Cyrillic: the Russian 33 letters plus ң ө ү. Kazakh ұ, Ukrainian і and the like are not. */
const CYRILLIC_LETTER = /[А-ЯЁа-яёҢңӨөҮү]/u;
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/u;
/** Space, hyphen, full stop and the apostrophes people type in names (O'Brien, Ж'А). */
const NAME_PUNCTUATION = /[ \-.'’ʼ]/u;

/**
 * Whether the text is letters of one script plus space - ' . only, with at least one letter.
 * A Latin "o" inside "Асанoв" makes it not Cyrillic, so the visitor is told before an official
 * document is printed with a name no database search will find.
 */
export function hasOnlyScript(input: string, script: 'cyrillic' | 'latin'): boolean {
  if (typeof input !== 'string') return false;
  const letter = script === 'cyrillic' ? CYRILLIC_LETTER : LATIN_LETTER;
  let letters = 0;
  for (const character of input.normalize('NFC')) {
    if (letter.test(character)) letters += 1;
    else if (!NAME_PUNCTUATION.test(character)) return false;
  }
  return letters > 0;
}
