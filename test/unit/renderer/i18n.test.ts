import { describe, expect, it } from 'vitest';
import { issueText, initI18n } from '../../../src/renderer/i18n.js';

const i18n = initI18n('ru');

describe('the renderer’s translations', () => {
  it('shows an engine issue in the visitor’s language, with the plural and decimal forms of that language', () => {
    expect(issueText(i18n.getFixedT('ru'), { code: 'TOO_SHORT', params: { min: 2 } }, 'ru')).toBe('Введите не менее 2 символов.');
    expect(issueText(i18n.getFixedT('ru'), { code: 'TOO_LONG', params: { max: 21 } }, 'ru')).toBe('Сократите текст до 21 символа.');
    expect(issueText(i18n.getFixedT('ky'), { code: 'TOO_SMALL', params: { min: 0.5 } }, 'ky')).toBe('0,5 же андан чоң санды жазыңыз.');
    expect(issueText(i18n.getFixedT('en'), { code: 'TOO_SMALL', params: { min: 0.5 } }, 'en')).toBe('Enter a number of 0.5 or more.');
    expect(issueText(i18n.getFixedT('en'), { code: 'PIN_BIRTH_DATE_MISMATCH', params: { pinDate: '1985-04-12', birthDate: '1985-04-13' } }, 'en')).toContain(
      '(12.04.1985) differs from the birth date entered (13.04.1985)',
    );
    expect(issueText(i18n.getFixedT('en'), { code: 'REQUIRED', params: { fieldType: 'address' } }, 'en')).toContain('every part of the address');
  });

  it('shows the content’s own message instead of the code’s', () => {
    const message = { ky: 'Эне баладан мурун туулат', ru: 'Мать рождается раньше ребёнка', en: 'The mother is born before the child' };
    expect(issueText(i18n.getFixedT('ru'), { code: 'CONSTRAINT', message }, 'ru')).toBe('Мать рождается раньше ребёнка');
  });

  it('follows the language the visitor picks, namespace by namespace', async () => {
    await i18n.changeLanguage('ky');
    expect(i18n.t('common:nav.back')).toBe('Артка');
    expect(i18n.t('catalogue:workingDays', { count: 21 })).toBe('21 жумуш күн');
    await i18n.changeLanguage('ru');
    expect(i18n.t('catalogue:workingDays', { count: 21 })).toBe('21 рабочий день');
    expect(i18n.t('receipt:heading')).toBe('Заявление принято');
  });

  it('tells a visitor the portal limited lookups, and that a visit’s lookups are used up, in each language', async () => {
    const expected = {
      ky: ['Бир мүнөттөн кийин кайра аракет кылыңыз', 'Бул жолу сиз 10 номер текшердиңиз'],
      ru: ['Попробуйте через минуту', 'За этот визит вы проверили 10 номеров'],
      en: ['Please try again in a minute', 'You have checked 10 numbers during this visit'],
    } as const;
    for (const language of ['ky', 'ru', 'en'] as const) {
      await i18n.changeLanguage(language);
      expect(i18n.t('lookup:errors.RATE_LIMITED')).toContain(expected[language][0]);
      expect(i18n.t('lookup:visitLimit', { limit: 10 })).toContain(expected[language][1]);
      expect(i18n.t('errors:RATE_LIMITED')).not.toBe('RATE_LIMITED');
    }
    await i18n.changeLanguage('ru');
  });
});
