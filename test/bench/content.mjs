// Content benchmarks on a generated 10,000-service package, measured in the host's own code (dist/).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ContentService } from '../../dist/main/core/content/content-service.js';
import { ContentStore } from '../../dist/main/core/content/content-store.js';
import { folderPackageReader } from '../../dist/main/core/content/folder-package-reader.js';
import { openDatabase } from '../../dist/main/core/storage/database.js';
import { describeParts, signPackage } from '../../dist/portal/content/package-builder.js';
import { checkCatalogue } from '../../dist/shared/content/package-verification.js';
import { compileContentPattern } from '../../dist/shared/forms/patterns.js';
import { writePackageFolder } from '../../dist/portal/content/package-files.js';
import { generateSigningKey } from '../../dist/portal/content/signing.js';

const SERVICES = 10_000;
const SOURCE = 'resources/content-source';
const silent = { info() {}, warn() {}, error() {} };

/** A deterministic generator, so every run benchmarks the same package and the same queries. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** 10,000 services made from the 14 real ones: their texts, numbered and mixed with words of the others. */
export function generateCatalogue(count = SERVICES) {
  const read = (file) => JSON.parse(readFileSync(join(SOURCE, file), 'utf8'));
  const real = readdirSync(join(SOURCE, 'services')).sort().map((file) => read(join('services', file)));
  const words = { ky: [], ru: [], en: [] };
  for (const service of real) for (const language of Object.keys(words)) words[language].push(...service.summary[language].split(/\s+/));
  const next = random(42);
  const pick = (language) => words[language][Math.floor(next() * words[language].length)];
  const services = Array.from({ length: count }, (_, index) => {
    const base = real[index % real.length];
    const vary = (text) => Object.fromEntries(Object.entries(text).map(([language, value]) => [language, `${value} ${pick(language)} ${pick(language)} №${index}`]));
    return { ...base, id: `${base.id}-${index}`, title: vary(base.title), summary: vary(base.summary), sampleForms: [] };
  });
  const legalTexts = ['privacy-policy', 'user-agreement', 'certification-centre-policy'].map((kind) => ({
    ...read(`legal/${kind}.json`),
    body: Object.fromEntries(['ky', 'ru', 'en'].map((language) => [language, readFileSync(join(SOURCE, 'legal', `${kind}.${language}.md`), 'utf8')])),
  }));
  return {
    format: 1,
    categories: read('categories.json'),
    services,
    forms: readdirSync(join(SOURCE, 'forms')).sort().map((file) => read(join('forms', file))),
    legalTexts,
    settings: read('settings.json'),
    portalEncryptionKey: read('portal-key.json'),
  };
}

export function writeSignedPackage(folder, catalogue, version, key) {
  const parts = new Map([['catalogue.json', Buffer.from(JSON.stringify(catalogue))]]);
  const now = new Date();
  const manifest = describeParts(parts, { version, created: now, expires: new Date(now.getTime() + 86_400_000), minAppVersion: '0.1.0' });
  const files = new Map(parts);
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  writePackageFolder(folder, signPackage(files, key));
  return parts.get('catalogue.json').length;
}

/** 200 queries a hall of visitors would type: prefixes, whole words, typos, Latin, two words, nonsense. */
export function mixedQueries() {
  const base = ['пасп', 'паспорт', 'паспрот', 'pasport', 'туулгандык', 'туулган', 'регистрация', 'регистрацыя', 'registratsiya', 'брак рег', 'нике', 'nike',
    'мүлк', 'мулк', 'справка', 'водитель', 'айдоочу', 'driving', 'signature', 'кол тамга', 'id', 'ID-карта', 'өлүм', 'смерть', 'zzzzqqq'];
  const next = random(7);
  return Array.from({ length: 200 }, () => base[Math.floor(next() * base.length)]);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

export async function benchContent(report, runs = 3) {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-content-'));
  try {
    const { privateKey, publicKey } = generateSigningKey('bench-key');
    const catalogue = generateCatalogue();
    const packageFolder = join(work, 'package');
    const bytes = writeSignedPackage(packageFolder, catalogue, 2, privateKey);
    report('content_package_10k_services_size', [bytes / (1024 * 1024)], 'MiB');

    const times = [];
    let service;
    for (let run = 0; run < runs; run++) {
      const db = openDatabase(join(work, `kiosk-${run}.sqlite`));
      service = new ContentService({ store: new ContentStore(db), trustAnchors: [publicKey], appVersion: '1.0.0', clock: () => new Date(), log: silent, onApplied() {} });
      const started = performance.now();
      const outcome = await service.install(folderPackageReader(packageFolder), 'folder');
      times.push((performance.now() - started) / 1000);
      if (outcome.outcome !== 'applied') throw new Error(`bench package refused: ${JSON.stringify(outcome)}`);
      if (run < runs - 1) db.close();
    }
    report('content_verify_apply_10k_services', times, 's');

    // The check content build, verify, publish and apply share: UTF-8, nesting, schema and meaning.
    const catalogueBytes = Buffer.from(JSON.stringify(catalogue));
    const validation = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      checkCatalogue(catalogueBytes);
      validation.push(performance.now() - started);
    }
    report('content_validate_10k_services', validation, 'ms');

    // One form per service, as a real catalogue has: the check must stay linear in services × forms.
    const text = (value) => ({ ky: value, ru: value, en: value });
    const oneFormEach = {
      ...generateCatalogue(20_000),
      forms: Array.from({ length: 20_000 }, (_, index) => ({
        id: `form-${index}`,
        version: 1,
        title: text(`Form ${index}`),
        pages: [{ id: 'name', fields: [{ id: 'lastName', type: 'text', label: text('Surname'), required: true }] }],
      })),
    };
    // The tiny forms have none of the real forms' fields, so the rules that read them go too.
    oneFormEach.services = oneFormEach.services.map((service, index) => ({
      ...service,
      formId: `form-${index}`,
      price: { ...service.price, amountField: undefined },
      requiredDocuments: service.requiredDocuments.map(({ relevant: _relevant, ...document }) => document),
    }));
    const oneFormEachBytes = Buffer.from(JSON.stringify(oneFormEach));
    const perForm = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      checkCatalogue(oneFormEachBytes);
      perForm.push(performance.now() - started);
    }
    report('content_validate_20k_services_20k_forms', perForm, 'ms');

    const view = service.catalogue();
    const languages = ['ky', 'ru', 'en'];
    const latencies = mixedQueries().map((query, index) => {
      const started = performance.now();
      view.search(languages[index % 3], query);
      return performance.now() - started;
    });
    report('catalogue_search_10k_p50', [median(latencies)], 'ms', latencies.length);
    report('catalogue_search_10k_p95', [percentile(latencies, 95)], 'ms', latencies.length);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A pattern that backtracks exponentially in a backtracking engine ((a+)+b took 9.9 s at 30
 * characters), on the linear-time engine the forms use: its time at 10,000 and 100,000 characters,
 * and their ratio (about 10 when linear; a backtracking engine would never finish either).
 */
export function benchPatterns(report, runs = 9) {
  const compiled = compileContentPattern('(a+)+b');
  if (!compiled.ok) throw new Error(compiled.reason);
  const time = (length) => {
    const input = 'a'.repeat(length);
    const times = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      if (compiled.pattern.matches(input)) throw new Error('the pattern matched what it must not');
      times.push(performance.now() - started);
    }
    return median(times);
  };
  time(1000); // warm the engine up
  time(10_000);
  const tenThousand = time(10_000);
  const hundredThousand = time(100_000);
  report('pattern_backtracking_10k_chars', [tenThousand], 'ms', runs);
  report('pattern_backtracking_100k_chars', [hundredThousand], 'ms', runs);
  report('pattern_backtracking_100k_over_10k', [hundredThousand / tenThousand], 'ratio', runs);
}
