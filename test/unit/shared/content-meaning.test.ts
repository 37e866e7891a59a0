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
    expect(problems.map((problem) => [problem.rule, problem.values.what])).toEqual([
      ['TOO_MANY', 'services'],
      ['TOO_MANY', 'services in category civil'],
    ]);
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
});
