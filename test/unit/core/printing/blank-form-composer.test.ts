import { describe, expect, it } from 'vitest';
import { createHostTranslations } from '../../../../src/main/core/i18n/host-translations.js';
import type { BlankFormDocument, BlankFormEntry } from '../../../../src/main/core/printing/blank-form-document.js';
import { composeBlankForm } from '../../../../src/main/core/printing/blank-form-composer.js';
import type { FormField, LeafField } from '../../../../src/shared/forms/form-schema.js';
import { LANGUAGES, type Language } from '../../../../src/shared/domain/languages.js';
import { bundledCatalogue } from './bundled-catalogue.js';

const catalogue = bundledCatalogue();
const translations = createHostTranslations();

function blankForm(serviceId: string, language: Language): BlankFormDocument {
  const service = catalogue.document.services.find((candidate) => candidate.id === serviceId)!;
  const form = catalogue.document.forms.find((candidate) => candidate.id === service.formId)!;
  return composeBlankForm({ form, service, officeName: catalogue.document.settings.officeName[language], language, translations });
}

/** Every entry of the document with the entries inside address parts and repeat-group copies. */
function allEntries(document: BlankFormDocument): BlankFormEntry[] {
  const walk = (entry: BlankFormEntry): BlankFormEntry[] => [
    entry,
    ...(entry.kind === 'parts' ? entry.parts.flatMap(walk) : []),
    ...(entry.kind === 'group' ? entry.items.flatMap((item) => item.entries.flatMap(walk)) : []),
  ];
  return [...document.parts.flatMap((part) => part.entries), ...document.closing].flatMap(walk);
}

/** The place each kind of field gets on paper. */
const EXPECTED_PLACE: Record<LeafField['type'], (entry: BlankFormEntry) => boolean> = {
  text: (entry) => entry.kind === 'lines' && entry.lines >= 1,
  longText: (entry) => entry.kind === 'lines' && entry.lines >= 3,
  number: (entry) => entry.kind === 'lines',
  email: (entry) => entry.kind === 'lines',
  documentNumber: (entry) => entry.kind === 'lines',
  pin: (entry) => entry.kind === 'boxes' && entry.count === 14,
  postalCode: (entry) => entry.kind === 'boxes' && entry.count === 6,
  phone: (entry) => entry.kind === 'boxes' && entry.count === 9 && entry.prefix === '+996',
  date: (entry) => entry.kind === 'date' && entry.pattern === '__.__.____',
  singleChoice: (entry) => entry.kind === 'choice',
  multipleChoice: (entry) => entry.kind === 'choice',
  yesNo: (entry) => entry.kind === 'choice' && entry.options.length === 2,
  address: (entry) => entry.kind === 'parts' && entry.parts.length === 6,
  calculated: (entry) => entry.kind === 'calculated' && entry.description.length > 0,
};

describe('a blank form from each bundled form definition', () => {
  const seenTypes = new Set<FormField['type']>();

  for (const service of catalogue.document.services) {
    for (const language of LANGUAGES) {
      it(`${service.id} in ${language}: every page and field, with a place shaped for its answer`, () => {
        const form = catalogue.document.forms.find((candidate) => candidate.id === service.formId)!;
        const document = blankForm(service.id, language);
        expect(document.title).toBe(form.title[language]);
        expect(document.serviceTitle).toBe(service.title[language]);
        expect(document.parts).toHaveLength(form.pages.length);
        expect(document.footer).toBe(catalogue.document.settings.officeName[language]);
        form.pages.forEach((page, pageIndex) => {
          const part = document.parts[pageIndex]!;
          expect(part.title).toBe(page.title?.[language]);
          expect(part.entries.map((entry) => entry.label)).toEqual(page.fields.map((field) => field.label[language]));
          page.fields.forEach((field, fieldIndex) => {
            seenTypes.add(field.type);
            const entry = part.entries[fieldIndex]!;
            expect(entry.hint).toBe(field.hint?.[language]);
            if (field.type === 'repeatGroup') {
              expect(entry.kind).toBe('group');
              if (entry.kind !== 'group') return;
              for (const item of entry.items) {
                expect(item.entries.map((inner) => inner.label)).toEqual(field.fields.map((inner) => inner.label[language]));
                field.fields.forEach((inner, index) => {
                  seenTypes.add(inner.type);
                  expect(EXPECTED_PLACE[inner.type](item.entries[index]!), `${field.id}.${inner.id}`).toBe(true);
                });
              }
              return;
            }
            expect(EXPECTED_PLACE[field.type](entry), `${field.id} (${field.type})`).toBe(true);
            if (field.type === 'singleChoice' || field.type === 'multipleChoice') {
              expect(entry.kind === 'choice' && entry.options).toEqual(field.options.map((option) => option.label[language]));
            }
          });
        });
      });
    }
  }

  it('covers every field type the bundled forms use', () => {
    const used = new Set(catalogue.document.forms.flatMap((form) => form.pages.flatMap((page) => page.fields.flatMap((field) => [field.type, ...(field.type === 'repeatGroup' ? field.fields.map((inner) => inner.type) : [])]))));
    expect([...seenTypes].sort()).toEqual([...used].sort());
    // The bundled forms between them hold repeat groups, addresses, calculated fees and choices, so all are proven above.
    for (const type of ['repeatGroup', 'address', 'calculated', 'singleChoice', 'multipleChoice', 'yesNo', 'date', 'pin', 'phone', 'postalCode'] as const) {
      expect(used.has(type), type).toBe(true);
    }
  });
});

describe('the language of a blank form', () => {
  it('is the language asked for, in the form’s words and the host’s own', () => {
    const ky = blankForm('id-card-first', 'ky');
    expect(ky.title).toBe('ID-картаны алууга арыз');
    expect(ky.parts[0]!.heading).toBe('1-бөлүк');
    expect(ky.serviceLabel).toBe('Кызмат');
    expect(ky.closing.map((entry) => entry.label)).toEqual(['Күнү', 'Колу']);
    expect(allEntries(ky).find((entry) => entry.kind === 'date')).toMatchObject({ pattern: '__.__.____', format: 'КК.АА.ЖЖЖЖ' });

    const ru = blankForm('id-card-first', 'ru');
    expect(ru.parts[0]!.heading).toBe('Часть 1');
    expect(ru.closing.map((entry) => entry.label)).toEqual(['Дата', 'Подпись']);

    const en = blankForm('id-card-first', 'en');
    expect(en.parts[0]!.heading).toBe('Part 1');
    expect(en.instructions).toMatch(/^Fill in by hand/);
  });

  it('lists the address’s regions and yes/no in the visitor’s language', () => {
    const address = allEntries(blankForm('residence-registration', 'ky')).find((entry) => entry.kind === 'parts');
    expect(address?.kind === 'parts' && address.parts.map((part) => part.label)).toEqual(['Облус же шаар', 'Район', 'Шаар же айыл', 'Көчө', 'Үй', 'Батир (болсо)']);
    const region = address?.kind === 'parts' ? address.parts[0] : undefined;
    expect(region?.kind === 'choice' && region.options).toContain('Чүй облусу');
    const yesNo = allEntries(blankForm('marriage-registration', 'ru')).find((entry) => entry.kind === 'choice' && entry.options.join() === 'Да,Нет');
    expect(yesNo).toBeDefined();
  });
});

describe('repeat groups on paper', () => {
  it('gives each parent a numbered copy, as many as the form allows', () => {
    const parents = allEntries(blankForm('id-card-first', 'en')).find((entry) => entry.kind === 'group');
    expect(parents?.kind).toBe('group');
    if (parents?.kind !== 'group') return;
    expect(parents.items.map((item) => item.heading)).toEqual(['Parent 1', 'Parent 2']);
    expect(parents.rule).toBe('Fill in at least 1 and at most 2.');
  });

  it('prints a few copies of a long optional list and says where to get more', () => {
    const coOwners = allEntries(blankForm('property-rights-registration', 'ky')).find((entry) => entry.kind === 'group');
    if (coOwners?.kind !== 'group') throw new Error('no repeat group');
    expect(coOwners.items.map((item) => item.heading)).toEqual(['Тең ээси 1', 'Тең ээси 2', 'Тең ээси 3', 'Тең ээси 4']);
    expect(coOwners.rule).toBe(
      'Сизге тиешелүүлөрүн гана толтуруңуз, көп дегенде 10. Бул жерде 4 үчүн орун бар; көбүрөөк керек болсо, кызматкерден дагы бир барак сураңыз.',
    );
  });

  it('says a question applies only to some applicants when the form shows it only then', () => {
    // The bundled forms put such rules on pages; here the father's PIN page's rule moves onto its question.
    const service = catalogue.document.services.find((candidate) => candidate.id === 'birth-registration')!;
    const bundled = catalogue.document.forms.find((candidate) => candidate.id === service.formId)!;
    const { relevant, ...page } = bundled.pages.find((candidate) => candidate.id === 'father-pin')!;
    const form = { ...bundled, pages: [{ ...page, fields: page.fields.map((field) => ({ ...field, relevant: relevant! })) }] };
    const document = composeBlankForm({ form, service, officeName: 'Office', language: 'en', translations });
    expect(document.parts[0]!.condition).toBeUndefined();
    expect(document.parts[0]!.entries.map((entry) => entry.condition)).toEqual(['Fill in only if it applies to you.']);
  });

  it('says it once for a part shown only to some applicants, not again on each of its questions', () => {
    const document = blankForm('property-rights-registration', 'ru');
    const conditionalParts = document.parts.filter((part) => part.condition);
    expect(conditionalParts.length).toBeGreaterThan(0);
    for (const part of conditionalParts) {
      expect(part.condition).toBe('Заполните, только если это относится к вам.');
      expect(part.entries.filter((entry) => entry.condition)).toEqual([]);
    }
  });
});
