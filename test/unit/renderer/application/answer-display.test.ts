import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeAnswer } from '../../../../src/renderer/features/application/answer-display.js';
import { initI18n } from '../../../../src/renderer/i18n.js';
import { evaluateForm } from '../../../../src/shared/forms/form-engine.js';
import { formDefinitionSchema, type Answers, type FormDefinition } from '../../../../src/shared/forms/form-schema.js';

const i18n = initI18n('ru');
const text = (value: string) => ({ ky: value, ru: value, en: value });
const form = (path: string) => formDefinitionSchema.parse(JSON.parse(readFileSync(`resources/content-source/forms/${path}`, 'utf8')));

/** Every row of the check screen as the visitor reads it: field id → shown text. */
function checkRows(definition: FormDefinition, answers: Answers, language: 'ky' | 'ru' | 'en'): Record<string, string> {
  const state = evaluateForm(definition, answers, { today: '2026-12-01' });
  const fields = definition.pages.flatMap((page) => page.fields).filter((field) => state.visibleFieldPaths.includes(field.id));
  return Object.fromEntries(fields.map((field) => [field.id, describeAnswer(field, field.id, answers, state.calculated, language, i18n.getFixedT(language))]));
}

describe('the check screen’s answers', () => {
  it('shows names with a capital first letter per word, keeping “уулу” and “кызы” in lower case', () => {
    const answers: Answers = { lastName: 'асанова-токтосунова', firstName: 'жылдызкан', patronymic: 'асан кызы' };
    const rows = checkRows(form('form-birth-registration.json'), answers, 'ky');
    expect(rows.lastName).toBe('Асанова-Токтосунова');
    expect(rows.firstName).toBe('Жылдызкан');
    expect(rows.patronymic).toBe('Асан кызы');
    // What the visitor typed stays as typed in the answers that are sealed and sent.
    expect(answers.firstName).toBe('жылдызкан');
  });

  it('leaves other text answers as typed', () => {
    const rows = checkRows(form('form-birth-registration.json'), { childBirthPlace: 'г. бишкек, роддом №1' }, 'ru');
    expect(rows.childBirthPlace).toBe('г. бишкек, роддом №1');
  });

  it('shows a value calculated inside a repeat group, and a calculated text in the visitor’s language', () => {
    const children = formDefinitionSchema.parse({
      id: 'allowance',
      version: 1,
      title: text('Allowance'),
      pages: [
        {
          id: 'children',
          fields: [
            {
              id: 'children',
              type: 'repeatGroup',
              label: text('Children'),
              itemLabel: { ky: 'Бала', ru: 'Ребёнок', en: 'Child' },
              minItems: 1,
              maxItems: 5,
              fields: [
                { id: 'age', type: 'number', label: { ky: 'Жашы', ru: 'Возраст', en: 'Age' } },
                { id: 'allowance', type: 'calculated', label: { ky: 'Жөлөкпул', ru: 'Пособие', en: 'Allowance' }, format: 'som', expression: { '*': [{ var: 'age' }, 100] } },
              ],
            },
          ],
        },
        {
          id: 'band',
          fields: [
            {
              id: 'band',
              type: 'calculated',
              label: { ky: 'Тобу', ru: 'Группа', en: 'Band' },
              format: 'text',
              expression: { if: [{ '>': [{ count: [{ var: 'children' }] }, 1] }, 'large', 'small'] },
              valueLabels: { large: { ky: 'Көп балалуу үй-бүлө', ru: 'Многодетная семья', en: 'Large family' }, small: text('Small') },
            },
          ],
        },
      ],
    });
    const answers: Answers = { children: [{ age: 3 }, { age: 7 }] };
    expect(checkRows(children, answers, 'en').children).toBe('Child 1: 3, 300 som; Child 2: 7, 700 som');
    expect(checkRows(children, answers, 'ru').band).toBe('Многодетная семья');
    expect(checkRows(children, answers, 'ky').band).toBe('Көп балалуу үй-бүлө');
  });
});
