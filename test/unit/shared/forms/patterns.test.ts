import { describe, expect, it } from 'vitest';
import { evaluateForm } from '../../../../src/shared/forms/form-engine.js';
import { formDefinitionSchema } from '../../../../src/shared/forms/form-schema.js';
import { compileContentPattern } from '../../../../src/shared/forms/patterns.js';

const text = (en: string) => ({ ky: en, ru: en, en });
const withPattern = (regex: string) =>
  formDefinitionSchema.parse({
    id: 'pattern-form',
    version: 1,
    title: text('Pattern'),
    pages: [{ id: 'p', fields: [{ id: 'code', type: 'text', maxLength: 500, label: text('Code'), pattern: { regex, message: text('No') } }] }],
  });

describe('content patterns', () => {
  it('answers a pattern that backtracks exponentially in a backtracking engine, at once', () => {
    // (a+)+b took 9.9 s at 30 characters before, doubling with each one; 60 would take years.
    const form = withPattern('(a+)+b');
    const issues = evaluateForm(form, { code: 'a'.repeat(60) }, { today: '2026-12-01' }).issues;
    expect(issues.map((issue) => issue.code)).toEqual(['PATTERN']);
    expect(evaluateForm(form, { code: `${'a'.repeat(60)}b` }, { today: '2026-12-01' }).issues).toEqual([]);
  });

  it('compiles the patterns real identifiers need', () => {
    for (const source of ['[A-Z]{2}[0-9]{7}', '[0-9]{14}', '(ID|AN)[0-9]{7}', '[А-ЯЁӨҮҢ]{1,3}-?[0-9]{4,6}', '[a-z0-9._-]{1,64}']) {
      expect(compileContentPattern(source).ok, source).toBe(true);
    }
  });

  it('matches the whole answer, with Kyrgyz letters', () => {
    const compiled = compileContentPattern('[А-ЯЁӨҮҢа-яёөүң-]+');
    expect(compiled.ok && compiled.pattern.matches('Төрөбекова')).toBe(true);
    expect(compiled.ok && compiled.pattern.matches('Төрөбекова1')).toBe(false);
  });

  it.each([
    ['an unbalanced group', '([A-Z'],
    ['a backreference', '(a)\\1'],
    ['a lookahead', '(?=a)a'],
    ['a pattern longer than 300 characters', 'a'.repeat(301)],
    ['a linear but huge program (a second per answer)', '(a?){990}'.repeat(3)],
    ['a counted repetition above 100', '[0-9]{101}'],
    ['nested repetitions that multiply into a huge program', '((a?){90}){90}'],
  ])('does not compile %s, and says why', (_, source) => {
    const compiled = compileContentPattern(source);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.reason.length).toBeGreaterThan(0);
  });
});
