import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../../src/renderer/i18n.js';
import { formatClock, formatPrice } from '../../../../src/renderer/ui/format.js';

const i18n = initI18n('ru');
const nbsp = '\u00a0';

describe('amounts in som', () => {
  it('are whole som with each language’s grouping, never "1 100,3 сом"', () => {
    expect(formatPrice(i18n.getFixedT('ru'), 'ru', 1100.3)).toBe(`1${nbsp}100 сом`);
    expect(formatPrice(i18n.getFixedT('ky'), 'ky', 1100.3)).toBe(`1${nbsp}100 сом`);
    expect(formatPrice(i18n.getFixedT('en'), 'en', 1100.3)).toBe('1,100 som');
    expect(formatPrice(i18n.getFixedT('ru'), 'ru', 4139.6)).toBe(`4${nbsp}140 сом`);
  });

  it('say "free" for nothing to pay', () => {
    expect(formatPrice(i18n.getFixedT('en'), 'en', 0)).toBe('Free');
  });
});

describe('the attract clock', () => {
  it('reads 24-hour time even where the browser has no Kyrgyz time data', () => {
    // Chromium's ICU lacks Kyrgyz, so a Kyrgyz locale falls back to American English there.
    const realTimeString = Object.getOwnPropertyDescriptor(Date.prototype, 'toLocaleTimeString')!.value as Date['toLocaleTimeString'];
    const RealDateTimeFormat = Intl.DateTimeFormat;
    const withoutKyrgyz = (locales?: string | string[]) => ([locales].flat().some((locale) => locale?.startsWith('ky')) ? 'en-US' : locales);
    Date.prototype.toLocaleTimeString = function (this: Date, locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return realTimeString.call(this, withoutKyrgyz(locales), options);
    };
    Intl.DateTimeFormat = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return new RealDateTimeFormat(withoutKyrgyz(locales), options);
    } as unknown as typeof Intl.DateTimeFormat;
    try {
      expect(formatClock(new Date(2026, 11, 1, 19, 0))).toBe('19:00');
      expect(formatClock(new Date(2026, 11, 1, 7, 5))).toBe('07:05');
    } finally {
      Date.prototype.toLocaleTimeString = realTimeString;
      Intl.DateTimeFormat = RealDateTimeFormat;
    }
  });
});
