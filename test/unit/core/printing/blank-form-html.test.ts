import { describe, expect, it } from 'vitest';
import type { BlankFormDocument } from '../../../../src/main/core/printing/blank-form-document.js';
import { blankFormHtml } from '../../../../src/main/electron-main/blank-form-html.js';

const FORM: BlankFormDocument = {
  serviceId: 'test',
  language: 'ru',
  title: 'Заявление <script>alert(1)</script>',
  serviceLabel: 'Услуга',
  serviceTitle: 'ООО «Рога & Копыта»',
  instructions: 'Заполните от руки.',
  parts: [
    {
      heading: 'Часть 1',
      title: 'Имя "и" фамилия',
      entries: [
        { kind: 'lines', label: 'Фамилия', hint: "O'Brien", lines: 1 },
        { kind: 'boxes', label: 'Телефон', count: 9, prefix: '+996' },
        { kind: 'choice', label: 'Кто это?', instruction: 'Отметьте один вариант.', options: ['Мать', 'Отец'] },
        { kind: 'group', label: 'Совладельцы', rule: 'Не больше 2.', items: [{ heading: 'Совладелец 1', entries: [{ kind: 'date', label: 'Дата', pattern: '__.__.____', format: 'ДД.ММ.ГГГГ' }] }] },
      ],
    },
  ],
  closing: [{ kind: 'lines', label: 'Подпись', lines: 1 }],
  footer: 'Центр «Кызмат»',
};

describe('the blank form Electron prints', () => {
  const html = blankFormHtml(FORM);

  it('escapes every text, so content can never become markup or script', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('Заявление &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Рога &amp; Копыта');
    expect(html).toContain('Имя &quot;и&quot; фамилия');
    expect(html).toContain('O&#39;Brien');
  });

  it('lays out an A4 page with a box per digit and per option, and every label', () => {
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('<html lang="ru">');
    for (const text of ['Фамилия', 'Телефон', '+996', 'Мать', 'Отец', 'Совладелец 1', '__.__.____ (ДД.ММ.ГГГГ)', 'Подпись', 'Центр «Кызмат»']) expect(html).toContain(text);
    const phone = html.slice(html.indexOf('+996'), html.indexOf('Кто это?'));
    expect(phone.match(/<span><\/span>/g)).toHaveLength(9);
  });
});
