// Search quality and speed: recall on the project's relevance set over the bundled catalogue, and the
// p95 time per query on the generated 10,000-service catalogue, for the kiosk's engine (dist/) and
// for MiniSearch given the same documents and the same queries.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { CatalogueView } from '../../dist/main/core/content/catalogue-view.js';
import { generateCatalogue } from './content.mjs';

const RELEVANCE_SET = 'test/search/relevance-set.json';
const BUNDLED_CATALOGUE = 'dist/content-bundle/catalogue.json';
const LANGUAGES = ['ky', 'ru', 'en'];
/** Timed passes over the relevance queries on the large catalogue, after one untimed warm-up pass. */
const TIMED_PASSES = 5;

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** Share of the expected services found in the first k results; a query expecting more than k can score at most k of them. */
export function recallAt(k, queries, search) {
  let total = 0;
  for (const { language, query, expected } of queries) {
    const top = search(language, query).slice(0, k);
    const found = expected.filter((id) => top.includes(id)).length;
    total += found / Math.min(k, expected.length);
  }
  return total / queries.length;
}

/** The kiosk's own engine, through the catalogue view the screens use. */
function kioskEngine(catalogue) {
  const view = new CatalogueView(catalogue);
  return (language, query) => view.search(language, query).map((service) => service.id);
}

/** MiniSearch over the same texts, fuzzy and prefix, with the same field weights as the kiosk's index. */
function miniSearchEngine(catalogue) {
  const join = (texts) => texts.filter((text) => typeof text === 'string').join(' ');
  const index = new MiniSearch({ fields: ['title', 'keywords', 'summary', 'documents'], idField: 'id' });
  index.addAll(
    catalogue.services.map((service) => ({
      id: service.id,
      title: join(LANGUAGES.map((language) => service.title[language])),
      keywords: join(LANGUAGES.flatMap((language) => service.keywords?.[language] ?? [])),
      summary: join(LANGUAGES.map((language) => service.summary[language])),
      documents: join(service.requiredDocuments.flatMap((document) => LANGUAGES.map((language) => document.title[language]))),
    })),
  );
  const options = { prefix: true, fuzzy: 0.2, boost: { title: 3, keywords: 3, summary: 2, documents: 1 } };
  return (_language, query) => index.search(query, options).slice(0, 30).map((hit) => hit.id);
}

function p95PerQuery(search, queries) {
  for (const { language, query } of queries) search(language, query);
  const latencies = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const { language, query } of queries) {
      const started = performance.now();
      search(language, query);
      latencies.push(performance.now() - started);
    }
  }
  return { value: percentile(latencies, 95), n: latencies.length };
}

export async function benchSearch(report) {
  const queries = JSON.parse(readFileSync(RELEVANCE_SET, 'utf8')).queries;
  const bundled = JSON.parse(readFileSync(BUNDLED_CATALOGUE, 'utf8'));
  const large = generateCatalogue();
  for (const [prefix, engine] of [['search', kioskEngine], ['minisearch', miniSearchEngine]]) {
    const small = engine(bundled);
    report(`${prefix}_recall_at_1`, [recallAt(1, queries, small)], 'ratio', queries.length);
    report(`${prefix}_recall_at_3`, [recallAt(3, queries, small)], 'ratio', queries.length);
    const p95 = p95PerQuery(engine(large), queries);
    report(`${prefix}_p95`, [p95.value], 'ms', p95.n);
  }
}

// Run on its own (after a build) with: node test/bench/search.mjs [--misses]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = (name, values, unit, n = values.length) => console.log(JSON.stringify({ name, value: Number(values[0].toFixed(3)), unit, n }));
  if (process.argv.includes('--misses')) {
    const queries = JSON.parse(readFileSync(RELEVANCE_SET, 'utf8')).queries;
    const search = kioskEngine(JSON.parse(readFileSync(BUNDLED_CATALOGUE, 'utf8')));
    for (const entry of queries) {
      const top = search(entry.language, entry.query).slice(0, 3);
      if (recallAt(3, [entry], () => top) < 1) console.log(`${entry.query} -> ${top.join(', ') || '(nothing)'}; expected ${entry.expected.join(', ')}`);
    }
  }
  await benchSearch(report);
}
