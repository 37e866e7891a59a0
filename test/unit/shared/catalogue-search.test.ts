import { describe, expect, it } from 'vitest';
import { CatalogueView } from '../../../src/main/core/content/catalogue-view.js';
import { buildPackage } from '../../../src/portal/content/package-builder.js';
import { catalogueDocumentSchema } from '../../../src/shared/content/content-schema.js';
import { MIN_STEM_LENGTH, shareStem, wordStems } from '../../../src/shared/search/word-stems.js';
import {
  CatalogueSearchIndex,
  DEFAULT_SEARCH_LIMIT,
  MAX_QUERY_TOKENS,
  foldForSearch,
  tokenizeQuery,
  transliterateLatinToCyrillic,
  type SearchDocument,
} from '../../../src/shared/search/catalogue-search.js';

/** A few real services, each with its title in Kyrgyz, Russian and English, and sometimes a summary or document name. */
const CATALOGUE: SearchDocument[] = [
  {
    id: 'foreign-passport',
    fields: [
      { text: 'Жалпы жарандык паспортту тариздөө', weight: 3 },
      { text: 'Оформление общегражданского паспорта', weight: 3 },
      { text: 'Passport for travel abroad', weight: 3 },
    ],
  },
  {
    id: 'id-card-first',
    fields: [
      { text: 'ID-картаны алуу (16 жаш)', weight: 3 },
      { text: 'Получение ID-карты (с 16 лет)', weight: 3 },
      { text: 'ID card, first issue (age 16)', weight: 3 },
      { text: 'Первый паспорт гражданина Кыргызской Республики', weight: 2 },
    ],
  },
  {
    id: 'birth-registration',
    fields: [
      { text: 'Баланын туулгандыгын каттоо', weight: 3 },
      { text: 'Регистрация рождения', weight: 3 },
      { text: 'Birth registration', weight: 3 },
      { text: 'Медицинская справка о рождении', weight: 1 },
    ],
  },
  {
    id: 'residence-registration',
    fields: [
      { text: 'Жашаган жери боюнча каттоо', weight: 3 },
      { text: 'Регистрация по месту жительства', weight: 3 },
      { text: 'Residence registration', weight: 3 },
    ],
  },
  {
    id: 'marriage-registration',
    fields: [
      { text: 'Никени каттоо', weight: 3 },
      { text: 'Регистрация заключения брака', weight: 3 },
      { text: 'Marriage registration', weight: 3 },
    ],
  },
  {
    id: 'property-certificate',
    fields: [
      { text: 'Мүлк жөнүндө маалымкат', weight: 3 },
      { text: 'Справка о зарегистрированных правах', weight: 3 },
      { text: 'Certificate of registered rights', weight: 3 },
    ],
  },
];

const REGISTRATIONS = ['birth-registration', 'residence-registration', 'marriage-registration'];

const catalogue = new CatalogueSearchIndex(CATALOGUE);

/** The services a visitor sees for a query, best first. */
function found(query: string, limit?: number): string[] {
  return catalogue.search(query, limit).map((hit) => hit.id);
}

describe('foldForSearch', () => {
  it('folds ё and the Kyrgyz letters ң ө ү to the letters every keyboard has, in any case', () => {
    expect(foldForSearch('Ёлка ҢӨҮ')).toBe(foldForSearch('елка ноу'));
    expect(foldForSearch('Ёлка ҢӨҮ')).toBe('елка ноу');
    expect(foldForSearch('Мүлк жөнүндө')).toBe(foldForSearch('мулк жонундо'));
  });

  it('turns «quotes» and punctuation into single spaces between words', () => {
    expect(foldForSearch('  «Паспорт»,  (ID-карта)!!! — "тариздөө"  ')).toBe('паспорт id карта тариздоо');
  });

  it('reads Latin look-alike letters inside a Cyrillic word as Cyrillic', () => {
    expect(foldForSearch('пaспoрт')).toBe('паспорт'); // Latin a and o
    expect(foldForSearch('ПAСПОРТ')).toBe('паспорт'); // Latin A
  });

  it('keeps a word whole across a soft hyphen or joiner, which are invisible on screen', () => {
    expect(foldForSearch('тариз\u00adдөө')).toBe('тариздоо');
    expect(foldForSearch('пас\u200dпорт')).toBe('паспорт');
  });
});

describe('transliterateLatinToCyrillic', () => {
  it('gives the likeliest Cyrillic spelling of Russian and Kyrgyz typed in Latin letters first', () => {
    expect(transliterateLatinToCyrillic('pasport')[0]).toBe('паспорт');
    expect(transliterateLatinToCyrillic('registratsiya')[0]).toBe('регистрация');
    expect(transliterateLatinToCyrillic('jashagan')[0]).toBe('жашаган');
  });

  it('has nothing to offer for text without Latin letters', () => {
    expect(transliterateLatinToCyrillic('паспорт')).toEqual([]);
    expect(transliterateLatinToCyrillic('16')).toEqual([]);
  });
});

describe('tokenizeQuery', () => {
  it('folds the words of a query and drops repeats', () => {
    expect(tokenizeQuery('Паспорт, ПАСПОРТ «паспорт» каттоо')).toEqual(['паспорт', 'каттоо']);
  });

  it('keeps at most MAX_QUERY_TOKENS words', () => {
    const words = Array.from({ length: MAX_QUERY_TOKENS + 5 }, (_, index) => `сөз${index}`);
    expect(tokenizeQuery(words.join(' '))).toEqual(words.slice(0, MAX_QUERY_TOKENS).map(foldForSearch));
  });
});

describe('catalogue search: spelling variants', () => {
  it('finds a Kyrgyz word typed with or without ү', () => {
    expect(found('мүлк')).toEqual(['property-certificate']);
    expect(found('мулк')).toEqual(['property-certificate']);
    expect(found('МҮЛК ЖӨНҮНДӨ')).toEqual(['property-certificate']);
  });

  it('finds a Cyrillic word holding a Latin look-alike letter', () => {
    expect(found('пaспорт')).toEqual(['foreign-passport', 'id-card-first']); // Latin a
    expect(found('пaспорт')).toEqual(found('паспорт'));
  });

  it('ignores quotes, punctuation and case', () => {
    expect(found('«Паспорт»!!!')).toEqual(['foreign-passport', 'id-card-first']);
    expect(found('"ПАСПОРТ",')).toEqual(found('паспорт'));
  });

  it('finds catalogue words that hold a soft hyphen', () => {
    const index = new CatalogueSearchIndex([
      { id: 'foreign-passport', fields: [{ text: 'Жалпы жарандык паспортту тариз\u00adдөө', weight: 3 }] },
    ]);
    expect(index.search('тариздөө').map((hit) => hit.id)).toEqual(['foreign-passport']);
  });
});

describe('catalogue search: results while typing', () => {
  it('finds a service from the first letters of a word', () => {
    expect(found('пасп')).toEqual(['foreign-passport', 'id-card-first']);
  });

  it('finds all the registration services from "рег"', () => {
    expect(found('рег')).toEqual(REGISTRATIONS);
  });

  it('needs every word of the query, in any order', () => {
    expect(found('брак рег')).toEqual(['marriage-registration']);
    expect(found('рег брак')).toEqual(['marriage-registration']);
    expect(found('паспорт брак')).toEqual([]);
  });

  it('leaves out a word no service holds in any form, instead of finding nothing', () => {
    expect(found('регистрация брака сделать')).toEqual(['marriage-registration']);
    expect(found('сделать регистрацию брака')).toEqual(['marriage-registration']);
    expect(found('zzzzqqq паспорт брак')).toEqual([]); // the words it knows must still all match
    expect(found('zzzzqqq')).toEqual([]);
  });
});

describe('catalogue search: typos', () => {
  it('forgives one typo in a word of four letters or more', () => {
    expect(found('паспрот')).toEqual(['foreign-passport', 'id-card-first']); // swapped letters
    expect(found('регистрацыя')).toEqual(REGISTRATIONS); // wrong letter
    expect(found('тулгандыгын')).toEqual(['birth-registration']); // missing letter
    expect(found('никкени')).toEqual(['marriage-registration']); // extra letter
  });

  it('matches a word cut short with a wrong last letter', () => {
    expect(found('туулгандык')).toEqual(['birth-registration']); // туулгандыгын
  });

  it('does not forgive a typo in a word of three letters', () => {
    expect(found('пас')).toEqual(['foreign-passport', 'id-card-first']);
    expect(found('пса')).toEqual([]);
  });

  it('does not match a word two typos away', () => {
    expect(found('пспрот')).toEqual([]);
  });
});

describe('catalogue search: document names', () => {
  it('finds a service by the name of a document it needs', () => {
    expect(found('справка')).toContain('birth-registration');
    expect(found('медицинская')).toEqual(['birth-registration']);
  });
});

describe('catalogue search: Latin letters', () => {
  it('finds Russian typed in Latin letters', () => {
    expect(found('pasport')).toEqual(['foreign-passport', 'id-card-first']);
    expect(found('registratsiya')).toEqual(REGISTRATIONS);
    expect(found('spravka')).toEqual(['property-certificate', 'birth-registration']);
  });

  it('finds Kyrgyz typed in Latin letters', () => {
    expect(found('nike')).toEqual(['marriage-registration']);
    expect(found('tuulgan')).toEqual(['birth-registration']);
    expect(found('jashagan')).toEqual(['residence-registration']);
    expect(found('mülk')).toEqual(['property-certificate']);
  });

  it('finds English words as they are', () => {
    expect(found('passport')[0]).toBe('foreign-passport');
    expect(found('birth')).toEqual(['birth-registration']);
    expect(found('Marriage registration')).toEqual(['marriage-registration']);
  });
});

describe('catalogue search: ranking', () => {
  it('ranks a title match above a summary match', () => {
    const hits = catalogue.search('паспорт');
    expect(hits.map((hit) => hit.id)).toEqual(['foreign-passport', 'id-card-first']);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
  });

  it('ranks a title match above a document-name match', () => {
    expect(found('справка')).toEqual(['property-certificate', 'birth-registration']);
  });

  it('ranks an exact word above a longer word above a typo, all else equal', () => {
    // Given worst first, so the catalogue order cannot produce the expected order by itself.
    const index = new CatalogueSearchIndex([
      { id: 'typo', fields: [{ text: 'Катоо', weight: 3 }] },
      { id: 'prefix', fields: [{ text: 'Каттоону', weight: 3 }] },
      { id: 'exact', fields: [{ text: 'Каттоо', weight: 3 }] },
    ]);
    const hits = index.search('каттоо');
    expect(hits.map((hit) => hit.id)).toEqual(['exact', 'prefix', 'typo']);
    const [exact, prefix, typo] = hits.map((hit) => hit.score);
    expect(exact).toBeGreaterThan(prefix ?? Infinity);
    expect(prefix).toBeGreaterThan(typo ?? Infinity);
  });

  it('ranks a service matching more of the query first', () => {
    expect(found('каттоо никени')).toEqual(['marriage-registration']);
    expect(found('регистрация брака')).toEqual(['marriage-registration']);
  });

  it('keeps the catalogue order among equally good matches', () => {
    expect(found('каттоо')).toEqual(REGISTRATIONS);
  });
});

describe('wordStems', () => {
  const sameWord = (a: string, b: string): boolean => shareStem(foldForSearch(a), foldForSearch(b));

  it('lets Russian case and verb forms of a word meet', () => {
    for (const form of ['паспорта', 'паспортом', 'паспорту', 'паспортов']) expect(sameWord(form, 'паспорт'), form).toBe(true);
    expect(sameWord('регистрацию', 'регистрация')).toBe(true);
    expect(sameWord('потерял', 'потеряла')).toBe(true);
  });

  it('cuts stacked Kyrgyz endings: possessive, plural and case', () => {
    for (const form of ['паспортту', 'паспортумду', 'паспорттор', 'паспорттордун', 'паспортко', 'паспортта']) {
      expect(wordStems(foldForSearch(form)), form).toContain('паспорт');
    }
    expect(sameWord('каттоону', 'каттоо')).toBe(true);
    expect(sameWord('никесин', 'никени')).toBe(true);
  });

  it('lets English plural and verb forms meet', () => {
    expect(sameWord('certificates', 'certificate')).toBe(true);
    expect(sameWord('registered', 'register')).toBe(true);
  });

  it('keeps different words apart, and short words, numbers and other scripts whole', () => {
    expect(wordStems('уй')).toEqual(['уй']);
    expect(wordStems('16')).toEqual(['16']);
    for (const stem of wordStems('нике')) expect(stem.length).toBeGreaterThanOrEqual(MIN_STEM_LENGTH);
    // A Russian one-letter ending is not cut again after a Kyrgyz one: "lived" must not become "age".
    expect(sameWord('жашаган', 'жаш')).toBe(false);
    expect(sameWord('паспорт', 'права')).toBe(false);
  });
});

describe('catalogue search: word endings', () => {
  it('finds a service by an inflected Russian word', () => {
    expect(found('регистрацию брака')).toEqual(['marriage-registration']);
    expect(found('паспортом')).toEqual(['foreign-passport', 'id-card-first']);
  });

  it('finds a service by an inflected Kyrgyz word', () => {
    expect(found('паспортумду')).toEqual(['foreign-passport', 'id-card-first']);
    expect(found('никесин')).toEqual(['marriage-registration']);
  });

  it('ranks the word itself above another form of it, and another form above a longer word', () => {
    const index = new CatalogueSearchIndex([
      { id: 'longer', fields: [{ text: 'Паспорттук', weight: 3 }] },
      { id: 'other-form', fields: [{ text: 'Паспорта', weight: 3 }] },
      { id: 'exact', fields: [{ text: 'Паспорт', weight: 3 }] },
    ]);
    expect(index.search('паспорт').map((hit) => hit.id)).toEqual(['exact', 'other-form', 'longer']);
  });

  it('ignores little words a visitor adds, unless the query is only those', () => {
    expect(found('регистрация для брака')).toEqual(['marriage-registration']);
    expect(found('справка о рождении')).toEqual(['birth-registration']);
    expect(tokenizeQuery('о')).toEqual(['о']);
  });
});

/** The bundled content, built the way the content build builds it, searched the way the kiosk searches it. */
function bundledCatalogue(): CatalogueView {
  const parts = buildPackage('resources/content-source', new Date('2026-03-01T00:00:00Z'));
  const catalogue = parts.get('catalogue.json');
  if (catalogue === undefined) throw new Error('the content build made no catalogue.json');
  return new CatalogueView(catalogueDocumentSchema.parse(JSON.parse(Buffer.from(catalogue).toString('utf8'))));
}

describe('catalogue search: the bundled content', () => {
  const view = bundledCatalogue();
  const ids = (query: string): string[] => view.search('ru', query).map((service) => service.id);
  const PASSPORT_SERVICES = ['foreign-passport', 'id-card-first', 'id-card-replacement'];

  it('carries each service\u2019s keywords through the content build', () => {
    const services = view.document.services;
    expect(services).toHaveLength(14);
    for (const service of services) {
      for (const language of ['ky', 'ru', 'en'] as const) expect(service.keywords?.[language].length, `${service.id} ${language}`).toBeGreaterThan(0);
    }
  });

  it('puts the passport services before the services that merely list a passport among their documents', () => {
    for (const query of ['паспорт', 'passport']) {
      const hits = ids(query);
      expect(hits.slice(0, 3).sort(), query).toEqual([...PASSPORT_SERVICES].sort());
      expect(hits.length, query).toBeGreaterThan(3); // others need a passport too, and come later
    }
  });

  it('ranks a title or keyword match above a match in a document list', () => {
    // Every service but one lists a receipt ("квитанция"); the property certificate lists a power of attorney.
    expect(ids('доверенность')).toEqual(['property-certificate']);
    // "права" names the driving licence colloquially; other services only hold "правах", "правоустанавливающие".
    expect(ids('права')[0]).toBe('driving-licence-replacement');
  });

  it('finds services by colloquial names, abbreviations and the other language\u2019s word', () => {
    expect(ids('прописка')[0]).toBe('residence-registration');
    expect(ids('эцп')[0]).toBe('cloud-e-signature');
    expect(ids('загранпаспорт')[0]).toBe('foreign-passport');
    expect(ids('ажырашуу')[0]).toBe('divorce-registration');
    expect(ids('wedding')[0]).toBe('marriage-registration');
    expect(ids('паспортумду жоготтум')[0]).toBe('id-card-replacement');
  });
});

describe('catalogue search: limits', () => {
  it('returns nothing for an empty, blank or punctuation-only query', () => {
    expect(catalogue.search('')).toEqual([]);
    expect(catalogue.search('   ')).toEqual([]);
    expect(catalogue.search('!!!')).toEqual([]);
    expect(catalogue.search('« » — ,.')).toEqual([]);
  });

  it('answers a 10,000-character query', () => {
    expect(catalogue.search('паспорт '.repeat(1250))).toEqual(catalogue.search('паспорт'));
    expect(catalogue.search('ж'.repeat(10_000))).toEqual([]);
    expect(catalogue.search('registratsiya'.repeat(770))).toEqual([]);
    // Mixed scripts, emoji, a lone surrogate and stray marks, as pasted text can hold.
    const pieces = ['пaсп', '😀', 'ҮӨ', '«, ', '\u0301', '\ud800', 'x', 'ng '];
    const mixed = Array.from({ length: 5_000 }, (_, index) => pieces[index % pieces.length]).join('').slice(0, 10_000);
    expect(mixed).toHaveLength(10_000);
    expect(Array.isArray(catalogue.search(mixed))).toBe(true);
  });

  it('returns at most limit results, the best ones', () => {
    expect(found('каттоо', 2)).toEqual(REGISTRATIONS.slice(0, 2));
    expect(found('каттоо', 1)).toEqual(REGISTRATIONS.slice(0, 1));
    expect(found('каттоо', 0)).toEqual([]);
  });

  it('returns DEFAULT_SEARCH_LIMIT results unless asked for another number', () => {
    const many = Array.from({ length: DEFAULT_SEARCH_LIMIT + 5 }, (_, index) => ({
      id: `service-${index}`,
      fields: [{ text: `Каттоо ${index}`, weight: 3 }],
    }));
    const index = new CatalogueSearchIndex(many);
    expect(index.search('каттоо')).toHaveLength(DEFAULT_SEARCH_LIMIT);
    expect(index.search('каттоо', 100)).toHaveLength(DEFAULT_SEARCH_LIMIT + 5);
  });
});

// -----------------------------------------------------------------------------------------------
// A catalogue of 10,000 services
// -----------------------------------------------------------------------------------------------

/** mulberry32: the same numbers on every run. */
function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Filler words are built from these syllables only. The planted words below each hold several
 * letters no filler word has (э ю ф х ц ч щ ж ү ө; f x y h j z c), so no filler word is equal to,
 * starts with or is one typo away from them, and each query finds exactly the services planted.
 */
const CYRILLIC_SYLLABLES = ['ка', 'ро', 'ми', 'ту', 'са', 'ле', 'ны', 'бо', 'ди', 'гу', 'пе', 'ва', 'зо', 'лу', 'ре', 'ша', 'ти', 'ко'];
const LATIN_SYLLABLES = ['ka', 'ro', 'mi', 'tu', 'sa', 'le', 'ni', 'bo', 'di', 'gu', 'pe', 'va', 'so', 'lu', 're', 'ta', 'ti', 'ko'];
const SERVICE_COUNT = 10_000;

interface Planting {
  word: string;
  /** Index of the service and the field (0–14, see syntheticService) the word is added to. */
  at: ReadonlyArray<readonly [service: number, field: number]>;
}

/** Fields 0–2 are titles (ky, ru, en), 3–5 summaries, 6–14 document names. */
const PLANTINGS: Planting[] = [
  { word: 'эхокардиография', at: [[17, 1], [9_876, 4]] },
  { word: 'xylophone', at: [[3, 11], [4_444, 14], [9_998, 8]] },
  { word: 'жүзүмчүлүк', at: [[500, 0]] },
  { word: 'фермер', at: [[100, 1], [5_000, 4], [9_999, 1]] },
  { word: 'цех', at: [[5_000, 10], [7_000, 1]] },
  { word: 'щётка', at: [[42, 7], [8_000, 1]] },
  { word: 'юрист', at: [[2_000, 1]] },
  { word: 'юристтер', at: [[1_000, 0]] },
];

const service = (index: number): string => `service-${index}`;

/** [query, the services it must find, in rank order] */
const SCALE_QUERIES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['эхокардиография', [17, 9_876]], // the title beats the summary
  ['эхокард', [17, 9_876]],
  ['эхокрадиография', [17, 9_876]],
  ['«Эхокардиография»!', [17, 9_876]],
  ['ekhokardiografiya', [17, 9_876]],
  ['xylophone', [3, 4_444, 9_998]],
  ['xylo', [3, 4_444, 9_998]],
  ['жүзүмчүлүк', [500]],
  ['жузумчулук', [500]],
  ['juzumchuluk', [500]],
  ['фермер', [100, 9_999, 5_000]],
  ['fermer', [100, 9_999, 5_000]],
  ['фeрмeр', [100, 9_999, 5_000]], // Latin e
  ['фермр', [100, 9_999, 5_000]],
  ['фермер цех', [5_000]],
  ['цех фермер', [5_000]],
  ['цех', [7_000, 5_000]],
  ['цхе', []],
  ['щетка', [8_000, 42]],
  ['юрист', [2_000, 1_000]], // the exact word beats the longer one
];

function syntheticCatalogue(): SearchDocument[] {
  const random = pseudoRandom(20_260_301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lexicon = (syllables: readonly string[]): string[] =>
    Array.from({ length: 3_000 }, () => {
      let word = '';
      for (let count = 2 + Math.floor(random() * 3); count > 0; count--) word += pick(syllables);
      return word;
    });
  const kyrgyzWords = lexicon(CYRILLIC_SYLLABLES);
  const russianWords = lexicon(CYRILLIC_SYLLABLES);
  const englishWords = lexicon(LATIN_SYLLABLES);
  const phrase = (words: readonly string[], length: number): string =>
    Array.from({ length }, () => pick(words)).join(' ');
  // Per language a 4-word title, a 30-word summary and three 5-word document names: 147 words a service.
  const fieldsOf = (words: readonly string[]): string[] => [
    phrase(words, 4),
    phrase(words, 30),
    phrase(words, 5),
    phrase(words, 5),
    phrase(words, 5),
  ];
  const documents = Array.from({ length: SERVICE_COUNT }, (_, index): SearchDocument => {
    const [ky, ru, en] = [fieldsOf(kyrgyzWords), fieldsOf(russianWords), fieldsOf(englishWords)];
    const texts = [ky[0], ru[0], en[0], ky[1], ru[1], en[1], ...ky.slice(2), ...ru.slice(2), ...en.slice(2)];
    return {
      id: service(index),
      fields: texts.map((text, field) => ({ text: text ?? '', weight: field < 3 ? 3 : field < 6 ? 2 : 1 })),
    };
  });
  for (const { word, at } of PLANTINGS) {
    for (const [serviceIndex, fieldIndex] of at) {
      const field = documents[serviceIndex]?.fields[fieldIndex];
      if (field === undefined) throw new Error(`no field ${fieldIndex} in service ${serviceIndex}`);
      field.text += ` ${word}`;
    }
  }
  return documents;
}

describe('catalogue search: 10,000 services', () => {
  it('finds exactly the services holding a word, among 1.5 million words', { timeout: 120_000 }, () => {
    const documents = syntheticCatalogue();
    const words = documents.reduce(
      (sum, document) => sum + document.fields.reduce((count, field) => count + field.text.split(' ').length, 0),
      0,
    );
    expect(words).toBeGreaterThan(1_400_000);
    const index = new CatalogueSearchIndex(documents);

    expect(SCALE_QUERIES).toHaveLength(20);
    for (const [query, expected] of SCALE_QUERIES) {
      expect(index.search(query).map((hit) => hit.id), query).toEqual(expected.map(service));
    }
    // Filler words are found too, and the limit holds when thousands of services match.
    expect(index.search('ка', 7)).toHaveLength(7);
    expect(index.search('ка', SERVICE_COUNT).length).toBeGreaterThan(DEFAULT_SEARCH_LIMIT);
  });
});
