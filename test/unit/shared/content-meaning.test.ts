import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../../src/portal/content/package-builder.js';
import { CONTENT_LIMITS, TEXT_LIMITS, checkContentMeaning, describeContentProblem } from '../../../src/shared/content/content-meaning.js';
import { CATALOGUE_PART, type CatalogueDocument } from '../../../src/shared/content/content-schema.js';
import { testCatalogue, testService } from '../../support/content-fixtures.js';

const text = (en: string) => ({ ky: en, ru: en, en });

describe('the meaning of a content package', () => {
  it('finds nothing wrong with the bundled content', () => {
    const parts = buildPackage('resources/content-source', new Date('2026-12-01T00:00:00Z'));
    const catalogue = JSON.parse(Buffer.from(parts.get(CATALOGUE_PART)!).toString('utf8')) as CatalogueDocument;
    expect(checkContentMeaning(catalogue)).toEqual([]);
  });

  it('counts services against the documented limit', () => {
    const document = testCatalogue([testService('birth')]);
    const many = { ...document, services: Array.from({ length: CONTENT_LIMITS.services + 1 }, (_, index) => ({ ...document.services[0]!, id: `s${index}` })) };
    const problems = checkContentMeaning(many);
    expect(problems.map((problem) => [problem.rule, problem.values.what, problem.values.category])).toEqual([
      ['TOO_MANY', 'services', undefined],
      ['TOO_MANY', 'servicesInCategory', 'civil'],
    ]);
    expect(describeContentProblem(problems[1]!)).toBe('categories.json: 100001 services in category civil; at most 100000 are allowed');
  });

  it('allows a label up to its limit and refuses one character more, with the file and path of the text', () => {
    const at = (length: number) => {
      const document = testCatalogue([testService('birth')]);
      document.forms[0]!.pages[0]!.fields[0]!.label = { ...text('x'), ky: 'к'.repeat(length) };
      return checkContentMeaning(document);
    };
    expect(at(TEXT_LIMITS.label)).toEqual([]);
    const [problem] = at(TEXT_LIMITS.label + 1);
    expect(problem).toEqual({ file: 'forms/form-general.json', path: 'pages[0].fields[0].label.ky', rule: 'TEXT_TOO_LONG', values: { length: 301, limit: 300 } });
    expect(describeContentProblem(problem!)).toBe('forms/form-general.json at pages[0].fields[0].label.ky: the text is 301 characters long; at most 300 are allowed here');
  });

  it('lets a legal text be long, as the privacy policy is', () => {
    const document = testCatalogue([testService('birth')]);
    document.legalTexts[0]!.body = text('т'.repeat(100_000));
    expect(checkContentMeaning(document)).toEqual([]);
  });

  it('reports at most 50 problems, so a broken catalogue of 10,000 services cannot flood the log', () => {
    const document = testCatalogue([testService('birth')]);
    document.services = Array.from({ length: 200 }, (_, index) => ({ ...testService(`s${index}`), requiredDocuments: [{ id: 'a', title: text('a') }, { id: 'a', title: text('a') }] }));
    expect(checkContentMeaning(document)).toHaveLength(50);
  });

  it('bounds the lists a screen and a slip show in full: documents, urgency tiers, samples, value labels', () => {
    const document = testCatalogue([
      testService('birth', { requiredDocuments: Array.from({ length: 51 }, (_, index) => ({ id: `d${index}`, title: text('d') })) }),
    ]);
    document.forms[0]!.pages.push({
      id: 'kind',
      fields: [{ id: 'kind', type: 'calculated', label: text('Kind'), format: 'text', expression: 'a', valueLabels: Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`v${index}`, text('v')])) }],
    });
    expect(checkContentMeaning(document).map((problem) => [problem.file, problem.path, problem.values.what])).toEqual([
      ['services/birth.json', 'requiredDocuments', 'documents'],
      ['forms/form-general.json', 'pages[3].fields[0].valueLabels', 'valueLabels'],
    ]);
  });

  it('checks a text’s length wherever it sits, also under a key named like a rule', () => {
    const document = testCatalogue([testService('birth')]);
    document.forms[0]!.pages.push({
      id: 'kind',
      fields: [{ id: 'kind', type: 'calculated', label: text('Kind'), format: 'text', expression: 'rule', valueLabels: { rule: text('я'.repeat(3000)) } }],
    });
    expect(checkContentMeaning(document).map((problem) => [problem.path, problem.rule])).toEqual([
      ['pages[3].fields[0].valueLabels.rule.ky', 'TEXT_TOO_LONG'],
      ['pages[3].fields[0].valueLabels.rule.ru', 'TEXT_TOO_LONG'],
      ['pages[3].fields[0].valueLabels.rule.en', 'TEXT_TOO_LONG'],
    ]);
  });

  it('finds a reference and a cycle as deep as the evaluator reaches, and cycles inside a repeat group', () => {
    const deep = (inner: unknown, levels: number): unknown => (levels === 0 ? inner : { '+': [deep(inner, levels - 1), 1] });
    const document = testCatalogue([testService('birth')]);
    document.forms[0]!.pages.push(
      {
        id: 'fees',
        fields: [
          { id: 'feeA', type: 'calculated', label: text('A'), format: 'som', expression: deep({ var: 'feeB' }, 20) as never },
          { id: 'feeB', type: 'calculated', label: text('B'), format: 'som', expression: deep({ var: 'feeA' }, 20) as never },
          { id: 'other', type: 'calculated', label: text('C'), format: 'som', expression: deep({ var: 'noSuchField' }, 25) as never },
        ],
      },
      {
        id: 'items',
        fields: [
          {
            id: 'items',
            type: 'repeatGroup',
            label: text('Items'),
            itemLabel: text('Item'),
            minItems: 0,
            maxItems: 3,
            fields: [
              { id: 'price', type: 'calculated', label: text('P'), format: 'som', expression: { var: 'total' } },
              { id: 'total', type: 'calculated', label: text('T'), format: 'som', expression: { var: 'price' } },
            ],
          },
        ],
      },
    );
    expect(checkContentMeaning(document).map((problem) => [problem.path, problem.rule, problem.values.field ?? problem.values.cycle])).toEqual([
      ['pages[3].fields[2].expression', 'UNKNOWN_FIELD', 'noSuchField'],
      ['pages[4].fields[0].fields[0].expression', 'CALCULATION_CYCLE', 'price → total → price'],
      ['pages[3].fields[0].expression', 'CALCULATION_CYCLE', 'feeA → feeB → feeA'],
    ]);
  });
});

