import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../../src/renderer/i18n.js';
import { formatPrice } from '../../../../src/renderer/ui/format.js';

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
