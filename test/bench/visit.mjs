// Visit benchmarks: submit latency in the host, and per-keystroke form evaluation beside SurveyJS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Model } from 'survey-core';
import { startKioskHost } from '../../dist/main/core/host.js';
import { evaluateForm } from '../../dist/shared/forms/form-engine.js';

const silent = { info() {}, warn() {}, error() {} };
const sorted = (values) => [...values].sort((a, b) => a - b);
const percentile = (values, p) => sorted(values)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const text = (value) => ({ ky: value, ru: value, en: value });

/** Validate + seal + durable commit, through the host's router, for the real cloud e-signature form. */
export async function benchSubmit(report, count = 300) {
  const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-bench-submit-'));
  const host = await startKioskHost({
    dataFolder,
    appVersion: '0.1.0',
    kioskCode: 'BNCH',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: 'resources/trust/content-keys.json',
    bundledContentFolder: 'dist/content-bundle',
    log: silent,
  });
  try {
    const latencies = [];
    for (let index = 0; index < count; index++) {
      const started = await host.router.handle('startApplication', { serviceId: 'cloud-e-signature' });
      if (!started.ok) throw new Error(started.error.code);
      const request = {
        applicationId: started.value.applicationId,
        language: 'ru',
        consent: {
          privacyPolicyVersion: started.value.privacyPolicy.version,
          userAgreementVersion: started.value.userAgreement.version,
          additional: started.value.additionalLegalTexts.map((text) => ({ kind: text.kind, version: text.version })),
        },
        answers: { lastName: 'Токтосунова', firstName: 'Бермет', birthDate: '1985-04-12', pin: '11204198500012', idCardNumber: 'ID1234567', phone: '0700123456' },
      };
      const begin = performance.now();
      const result = await host.router.handle('submitApplication', request);
      latencies.push(performance.now() - begin);
      if (!result.ok) throw new Error(`submit refused: ${result.error.message}`);
    }
    report('submit_latency_p50', [percentile(latencies, 50)], 'ms', count);
    report('submit_latency_p99', [percentile(latencies, 99)], 'ms', count);
  } finally {
    host.close();
    rmSync(dataFolder, { recursive: true, force: true });
  }
}

/** 200 text fields on 40 pages; 50 of them shown only when an earlier field says "yes". */
function buildForms() {
  const pages = [];
  const surveyPages = [];
  for (let page = 0; page < 40; page++) {
    const fields = [];
    const elements = [];
    for (let slot = 0; slot < 5; slot++) {
      const index = page * 5 + slot + 1;
      const ruled = index % 4 === 0;
      const condition = `f${index - 3}`;
      fields.push({
        id: `f${index}`,
        type: 'text',
        label: text(`Field ${index}`),
        maxLength: 100,
        ...(ruled ? { relevant: { '==': [{ var: condition }, 'yes'] } } : {}),
      });
      elements.push({ type: 'text', name: `f${index}`, title: `Field ${index}`, maxLength: 100, ...(ruled ? { visibleIf: `{${condition}} = 'yes'` } : {}) });
    }
    pages.push({ id: `p${page + 1}`, fields });
    surveyPages.push({ name: `p${page + 1}`, elements });
  }
  const form = { id: 'bench-form', version: 1, title: text('Bench'), pages };
  const rules = pages.flatMap((page) => page.fields).filter((field) => field.relevant).length;
  return { form, survey: { pages: surveyPages }, rules };
}

/** One keystroke: one answer grows by a letter, then the whole form's relevance (and ours: validation) is recomputed. */
export function benchKeystrokes(report, keystrokes = 2000) {
  const { form, survey, rules } = buildForms();
  if (rules !== 50) throw new Error(`expected 50 relevance rules, built ${rules}`);
  const answers = {};
  for (let index = 1; index <= 200; index++) answers[`f${index}`] = index % 2 ? 'yes' : 'no';
  const model = new Model(survey);
  model.data = { ...answers };

  const ours = [];
  const theirs = [];
  for (let stroke = 0; stroke < keystrokes; stroke++) {
    const field = `f${(stroke % 200) + 1}`;
    const value = stroke % 3 === 0 ? 'yes' : `value ${stroke}`;
    let begin = performance.now();
    answers[field] = value;
    evaluateForm(form, { ...answers }, { today: '2026-11-21' });
    ours.push(performance.now() - begin);
    begin = performance.now();
    model.setValue(field, value);
    theirs.push(performance.now() - begin);
  }
  const oursMedian = percentile(ours, 50);
  const theirsMedian = percentile(theirs, 50);
  report('form_engine_keystroke_200_fields_50_rules_p50', [oursMedian], 'ms', keystrokes);
  report('surveyjs_keystroke_200_fields_50_rules_p50', [theirsMedian], 'ms', keystrokes);
  report('form_engine_vs_surveyjs_keystroke_ratio', [oursMedian / theirsMedian], 'x', keystrokes);
}
