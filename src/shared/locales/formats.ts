/**
 * The interpolation formats the locale files use ("{{min, decimal}}", "{{pinDate, calendarDate}}").
 * Plain functions, so the renderer's and the host's i18next instances register the same ones.
 * A missing value formats as nothing rather than leaving "{{…}}" in a sentence a visitor reads.
 */

/** Numbers as each language writes them: a decimal comma in ky and ru, no grouping (limits are small). */
export function decimal(value: unknown, language: string | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return '';
  const text = String(value);
  return language === 'en' ? text : text.replace('.', ',');
}

/** YYYY-MM-DD as DD.MM.YYYY, the way dates are written in Kyrgyzstan; anything else as it came. */
export function calendarDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/**
 * A moment's time of day as HH:MM on the 24-hour clock, as Kyrgyzstan reads it in every language:
 * Chromium's ICU has no Kyrgyz time data and would show "07:00 PM".
 */
export function clockTime(moment: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(moment.getHours())}:${two(moment.getMinutes())}`;
}

/**
 * A moment as DD.MM.YYYY HH:MM in the kiosk's local time, the same in every language: Chromium's
 * ICU has no Kyrgyz date names and would print "2026 M11 21".
 */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()} ${clockTime(date)}`;
}

/** A moment as DD.MM.YYYY HH:MM:SS in local time, for records read to the second (the back office's audit trail), the same in every language. */
export function dateTimeToSecond(iso: string): string {
  const date = new Date(iso);
  return `${dateTime(iso)}:${String(date.getSeconds()).padStart(2, '0')}`;
}

/**
 * Locale for numbers. Chromium's ICU has no Kyrgyz number data and falls back to English ("4,140");
 * Kyrgyz groups thousands with a space exactly as Russian does ("4 140"), so ky borrows ru-KG.
 */
export const NUMBER_LOCALE = { ky: 'ru-KG', ru: 'ru-KG', en: 'en-GB' } as const satisfies Record<'ky' | 'ru' | 'en', string>;

const wholeNumberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A sum of som as the screen and the printed receipt both write it: rounded to the whole som (the
 * content allows nothing finer) and grouped as the language groups ("1 640"). One formatter per
 * language, made once: a catalogue screen formats a price per card.
 */
export function wholeSom(amountSom: number, language: keyof typeof NUMBER_LOCALE): string {
  let format = wholeNumberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[language], { maximumFractionDigits: 0 });
    wholeNumberFormats.set(language, format);
  }
  return format.format(Math.round(amountSom));
}

/** Format name → function, as i18next's formatter takes them. */
export const LOCALE_FORMATS = { decimal, calendarDate } as const;
