import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distinctIssues, errorSummaryEntries } from '../../../../src/renderer/features/application/error-summary.js';
import { initI18n } from '../../../../src/renderer/i18n.js';
import { pageIssues } from '../../../../src/shared/forms/form-engine.js';
import { formDefinitionSchema } from '../../../../src/shared/forms/form-schema.js';

const i18n = initI18n('ru');
const idCardForm = formDefinitionSchema.parse(JSON.parse(readFileSync('resources/content-source/forms/form-id-card-first.json', 'utf8')));
const text = (value: string) => ({ ky: value, ru: value, en: value });

describe('the error summary', () => {
  it('names the question each link leads to, in the visitor’s language', () => {
    const issues = pageIssues(idCardForm, 'your-name', {}, { today: '2026-12-01' });
    const entries = errorSummaryEntries(idCardForm, issues, 'ru', i18n.getFixedT('ru'));
    expect(entries.map((entry) => entry.text)).toEqual([
      'Фамилия: Ответьте на этот вопрос — без ответа продолжить нельзя.',
      'Имя: Ответьте на этот вопрос — без ответа продолжить нельзя.',
    ]);
    const english = errorSummaryEntries(idCardForm, issues, 'en', i18n.getFixedT('en'));
    expect(english[0]?.text).toBe('Surname: Please answer this question to continue.');
  });

  it('names the item of a repeat group a question belongs to', () => {
    const issues = pageIssues(idCardForm, 'parents', { parents: [{ parentRole: 'mother', parentPin: '123' }] }, { today: '2026-12-01' });
    const entries = errorSummaryEntries(idCardForm, issues, 'en', i18n.getFixedT('en'));
    expect(entries.map((entry) => entry.text)).toContain('Parent 1, PIN: Enter the 14 digits of the PIN, for example 21204198500012: first 1 or 2, then the birth date. The PIN is on the ID card.');
  });

  it('lists a message once when two rules of one field give it, each entry with its own key', () => {
    const same = text('Check the number');
    const form = formDefinitionSchema.parse({
      id: 'two-rules',
      version: 1,
      title: text('Two rules'),
      pages: [
        {
          id: 'count',
          fields: [
            {
              id: 'count',
              type: 'number',
              label: text('How many'),
              required: true,
              constraints: [
                { rule: { '>': [{ var: 'count' }, 2] }, message: same },
                { rule: { '>': [{ var: 'count' }, 3] }, message: same },
              ],
            },
            { id: 'other', type: 'text', label: text('Other'), required: true },
          ],
        },
      ],
    });
    const issues = pageIssues(form, 'count', { count: 1 }, { today: '2026-12-01' });
    expect(issues.filter((issue) => issue.path === 'count')).toHaveLength(2);
    const entries = errorSummaryEntries(form, issues, 'en', i18n.getFixedT('en'));
    expect(entries.map((entry) => entry.text)).toEqual(['How many: Check the number', 'Other: Please answer this question to continue.']);
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
  });
});

describe('the issues shown under a field', () => {
  it('hold one message once, even when two rules of the field give it', () => {
    const message = { ky: 'Текшериңиз', ru: 'Проверьте', en: 'Check it' };
    const issues = [
      { path: 'count', fieldId: 'count', pageId: 'count', code: 'CONSTRAINT' as const, severity: 'error' as const, message },
      { path: 'count', fieldId: 'count', pageId: 'count', code: 'CONSTRAINT' as const, severity: 'error' as const, message },
      { path: 'count', fieldId: 'count', pageId: 'count', code: 'TOO_SMALL' as const, severity: 'error' as const, params: { min: 2 } },
      { path: 'other', fieldId: 'other', pageId: 'count', code: 'CONSTRAINT' as const, severity: 'error' as const, message },
    ];
    expect(distinctIssues(issues, 'ru', i18n.getFixedT('ru')).map((issue) => `${issue.path} ${issue.code}`)).toEqual(['count CONSTRAINT', 'count TOO_SMALL', 'other CONSTRAINT']);
  });
});
