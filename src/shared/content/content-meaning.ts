import { z } from 'zod';
import { COUNTED_KINDS } from './counted-kinds.js';
import { MAX_EXPRESSION_DEPTH, referencedVariables } from '../forms/expression.js';
import { evaluateForm } from '../forms/form-engine.js';
import type { Expression, FormDefinition, FormField, LeafField } from '../forms/form-schema.js';
import { compileContentPattern } from '../forms/patterns.js';
import type { CatalogueDocument } from './content-schema.js';

/**
 * The meaning of a content package, checked after its schema: what a signed package could say
 * that no kiosk can show or no visitor can finish. `content build`, `content verify`, the portal's
 * publish and the kiosk's apply all run this one function, so a package refused at one is refused
 * at all. Each problem names the source file, the JSON path inside it and the rule, with values, so
 * the CLI and portal can word it in English and the kiosk's panel in the administrator's language.
 */

export const CONTENT_MEANING_RULES = [
  'DUPLICATE_ID',
  'DUPLICATE_OPTION',
  'MIN_ABOVE_MAX',
  'MIN_ABOVE_CHOICES',
  'DATE_NEITHER_PAST_NOR_FUTURE',
  'UNKNOWN_FIELD',
  'NOT_A_DATE_FIELD',
  'CALCULATION_CYCLE',
  'EXPRESSION_TOO_DEEP',
  'EXPRESSION_TOO_LARGE',
  'PATTERN_INVALID',
  'NO_FIRST_PAGE',
  'TEXT_TOO_LONG',
  'TOO_MANY',
] as const;
export type ContentMeaningRule = (typeof CONTENT_MEANING_RULES)[number];

export const contentProblemSchema = z.object({
  /** The source file, as the content source folder names it: `forms/form-x.json`, `settings.json`. */
  file: z.string().max(200),
  /** The JSON path inside that file, e.g. `pages[2].fields[0].maxItems`. */
  path: z.string().max(500),
  rule: z.enum(CONTENT_MEANING_RULES),
  /** What the wording fills in: ids, limits, the values that clash. */
  values: z.record(z.string().max(40), z.union([z.string().max(500), z.number()])),
});
export type ContentProblem = z.infer<typeof contentProblemSchema>;

/** The evaluator's own limits: an expression within them is evaluated whole, never cut short to null. */
export const MAX_EXPRESSION_NODES = 2_000;
/** Counts a package may hold; the kiosk's screens and search are measured up to these. */
export const CONTENT_LIMITS = { services: 100_000, categories: 200, forms: 100_000, servicesPerCategory: 100_000, legalTexts: 10 } as const;
/** Longest text of each kind, in characters, per language. */
export const TEXT_LIMITS = {
  title: 200,
  summary: 500,
  label: 300,
  hint: 1_000,
  message: 500,
  description: 5_000,
  legalBody: 200_000,
  other: 2_000,
} as const;

/** Lists inside one service or field; a screen and a printed slip show all of them. */
export const LIST_LIMITS = { documents: 50, urgencyTiers: 10, samples: 10, valueLabels: 100 } as const;

export { COUNTED_KINDS };
type ListKind = (typeof COUNTED_KINDS)[number];

const MAX_REPORTED_PROBLEMS = 50;

type Path = (string | number)[];

/** Every problem of the document, in document order (at most 50). An empty list means the content is sound. */
export function checkContentMeaning(document: CatalogueDocument, today = '2026-01-01'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: string, path: Path, rule: ContentMeaningRule, values: Record<string, string | number> = {}) => {
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ file, path: formatPath(path), rule, values });
  };

  checkCounts(document, report);
  checkTexts('categories.json', document.categories, [], report);
  // One lookup per service: a scan of the forms per service would be minutes at the documented limits.
  const formsById = new Map(document.forms.map((form) => [form.id, form]));
  document.services.forEach((service) => {
    const file = `services/${service.id}.json`;
    checkTexts(file, service, [], report);
    unique(service.requiredDocuments.map((item) => item.id), (index, id) => report(file, ['requiredDocuments', index, 'id'], 'DUPLICATE_ID', { id }));
    unique(service.sampleForms.map((item) => item.id), (index, id) => report(file, ['sampleForms', index, 'id'], 'DUPLICATE_ID', { id }));
    unique(service.urgencyTiers.map((item) => item.id), (index, id) => report(file, ['urgencyTiers', index, 'id'], 'DUPLICATE_ID', { id }));
    const form = formsById.get(service.formId);
    const listLimit = (list: readonly unknown[], key: string, what: ListKind, limit: number) => {
      if (list.length > limit) report(file, [key], 'TOO_MANY', { what, count: list.length, limit });
    };
    listLimit(service.requiredDocuments, 'requiredDocuments', 'documents', LIST_LIMITS.documents);
    listLimit(service.urgencyTiers, 'urgencyTiers', 'urgencyTiers', LIST_LIMITS.urgencyTiers);
    listLimit(service.sampleForms, 'sampleForms', 'samples', LIST_LIMITS.samples);
    service.requiredDocuments.forEach((item, index) => {
      if (item.relevant === undefined) return;
      const path: Path = ['requiredDocuments', index, 'relevant'];
      checkExpression(file, path, item.relevant, report);
      if (form) checkReferences(file, path, item.relevant, topLevelIds(form), report);
    });
  });
  document.forms.forEach((form) => checkForm(form, today, report));
  document.legalTexts.forEach((text) => checkTexts(`legal/${text.kind}.json`, text, [], report));
  checkTexts('settings.json', document.settings, [], report);
  return problems;
}

/** One problem in plain English, for the CLI, the portal and the logs. */
export function describeContentProblem(problem: ContentProblem): string {
  const v = problem.values;
  const where = `${problem.file}${problem.path ? ` at ${problem.path}` : ''}`;
  const what: Record<ContentMeaningRule, string> = {
    DUPLICATE_ID: `the id ${v.id} is used twice`,
    DUPLICATE_OPTION: `the option value ${v.value} is listed twice`,
    MIN_ABOVE_MAX: `${v.min} ${v.minValue} is above ${v.max} ${v.maxValue}, so no answer can satisfy both`,
    MIN_ABOVE_CHOICES: `minSelected ${v.minValue} is more than the ${v.options} options`,
    DATE_NEITHER_PAST_NOR_FUTURE: 'a date that is neither in the future nor in the past can only be today; use a constraint instead',
    UNKNOWN_FIELD: `${v.field} is not a field this rule can see`,
    NOT_A_DATE_FIELD: `birthDateField ${v.field} is not a date field`,
    CALCULATION_CYCLE: `calculated fields depend on each other in a circle: ${v.cycle}`,
    EXPRESSION_TOO_DEEP: `the expression nests ${v.depth} levels deep; the evaluator stops at ${v.limit}`,
    EXPRESSION_TOO_LARGE: `the expression has ${v.nodes} parts; at most ${v.limit} are allowed`,
    PATTERN_INVALID: `the pattern cannot run in linear time or does not compile (${v.reason})`,
    NO_FIRST_PAGE: 'no page can be shown when the form begins: every page is hidden by its rules',
    TEXT_TOO_LONG: `the text is ${v.length} characters long; at most ${v.limit} are allowed here`,
    TOO_MANY: `${v.count} ${COUNTED_IN_ENGLISH[v.what as ListKind] ?? v.what}${v.category ? ` ${v.category}` : ''}; at most ${v.limit} are allowed`,
  };
  return `${where}: ${what[problem.rule]}`;
}

const COUNTED_IN_ENGLISH: Record<ListKind, string> = {
  services: 'services',
  categories: 'categories',
  forms: 'forms',
  legalTexts: 'legal texts',
  servicesInCategory: 'services in category',
  documents: 'documents',
  urgencyTiers: 'urgency tiers',
  samples: 'sample forms',
  valueLabels: 'value labels',
};

type Report = (file: string, path: Path, rule: ContentMeaningRule, values?: Record<string, string | number>) => void;

function checkCounts(document: CatalogueDocument, report: Report): void {
  const limit = (file: string, what: ListKind, count: number, max: number, extra: Record<string, string> = {}) => {
    if (count > max) report(file, [], 'TOO_MANY', { what, count, limit: max, ...extra });
  };
  limit('services/', 'services', document.services.length, CONTENT_LIMITS.services);
  limit('categories.json', 'categories', document.categories.length, CONTENT_LIMITS.categories);
  limit('forms/', 'forms', document.forms.length, CONTENT_LIMITS.forms);
  limit('legal/', 'legalTexts', document.legalTexts.length, CONTENT_LIMITS.legalTexts);
  const perCategory = new Map<string, number>();
  for (const service of document.services) perCategory.set(service.categoryId, (perCategory.get(service.categoryId) ?? 0) + 1);
  for (const [categoryId, count] of perCategory) limit('categories.json', 'servicesInCategory', count, CONTENT_LIMITS.servicesPerCategory, { category: categoryId });
}

function checkForm(form: FormDefinition, today: string, report: Report): void {
  const file = `forms/${form.id}.json`;
  checkTexts(file, form, [], report);
  const topIds = topLevelIds(form);
  const fieldsById = new Map<string, FormField>();
  form.pages.forEach((page, pageIndex) => {
    if (page.relevant !== undefined) {
      checkExpression(file, ['pages', pageIndex, 'relevant'], page.relevant, report);
      checkReferences(file, ['pages', pageIndex, 'relevant'], page.relevant, topIds, report);
    }
    page.fields.forEach((field, fieldIndex) => {
      const path: Path = ['pages', pageIndex, 'fields', fieldIndex];
      fieldsById.set(field.id, field);
      if (field.type === 'repeatGroup') {
        if (field.minItems > field.maxItems) report(file, [...path, 'minItems'], 'MIN_ABOVE_MAX', bounds('minItems', field.minItems, 'maxItems', field.maxItems));
        const childIds = field.fields.map((child) => child.id);
        unique(childIds, (index, id) => report(file, [...path, 'fields', index, 'id'], 'DUPLICATE_ID', { id }));
        const scope = new Set([...topIds, ...childIds]);
        checkFieldRules(file, path, field, topIds, report);
        field.fields.forEach((child, childIndex) => checkLeaf(file, [...path, 'fields', childIndex], child, scope, field.fields, report));
      } else {
        checkLeaf(file, path, field, topIds, form.pages.flatMap((candidate) => candidate.fields), report);
      }
    });
  });
  checkCalculationCycles(file, form, report);
  // Only when the rules themselves are sound: evaluating a broken form would only restate its problems.
  if (!hasExpressionProblems(form)) {
    const state = evaluateForm(form, {}, { today });
    if (state.visiblePageIds.length === 0) report(file, ['pages'], 'NO_FIRST_PAGE');
  }
}

function checkLeaf(file: string, path: Path, field: LeafField, scope: Set<string>, siblings: readonly FormField[], report: Report): void {
  checkFieldRules(file, path, field, scope, report);
  switch (field.type) {
    case 'text':
      if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
        report(file, [...path, 'minLength'], 'MIN_ABOVE_MAX', bounds('minLength', field.minLength, 'maxLength', field.maxLength));
      }
      if (field.pattern) {
        const compiled = compileContentPattern(field.pattern.regex);
        if (!compiled.ok) report(file, [...path, 'pattern', 'regex'], 'PATTERN_INVALID', { reason: compiled.reason });
      }
      break;
    case 'number':
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) report(file, [...path, 'min'], 'MIN_ABOVE_MAX', bounds('min', field.min, 'max', field.max));
      break;
    case 'date':
      if (field.notInFuture && field.notInPast) report(file, [...path, 'notInPast'], 'DATE_NEITHER_PAST_NOR_FUTURE');
      break;
    case 'singleChoice':
    case 'multipleChoice':
      unique(field.options.map((option) => option.value), (index, value) => report(file, [...path, 'options', index, 'value'], 'DUPLICATE_OPTION', { value }));
      if (field.type === 'multipleChoice') {
        const { minSelected, maxSelected } = field;
        if (minSelected !== undefined && maxSelected !== undefined && minSelected > maxSelected) {
          report(file, [...path, 'minSelected'], 'MIN_ABOVE_MAX', bounds('minSelected', minSelected, 'maxSelected', maxSelected));
        } else if (minSelected !== undefined && minSelected > field.options.length) {
          report(file, [...path, 'minSelected'], 'MIN_ABOVE_CHOICES', { minValue: minSelected, options: field.options.length });
        }
      }
      break;
    case 'pin':
      if (field.birthDateField !== undefined) {
        const target = siblings.find((candidate) => candidate.id === field.birthDateField);
        if (!scope.has(field.birthDateField)) report(file, [...path, 'birthDateField'], 'UNKNOWN_FIELD', { field: field.birthDateField });
        else if (target?.type !== 'date') report(file, [...path, 'birthDateField'], 'NOT_A_DATE_FIELD', { field: field.birthDateField });
      }
      break;
    case 'calculated':
      if (field.valueLabels && Object.keys(field.valueLabels).length > LIST_LIMITS.valueLabels) {
        report(file, [...path, 'valueLabels'], 'TOO_MANY', { what: 'valueLabels', count: Object.keys(field.valueLabels).length, limit: LIST_LIMITS.valueLabels });
      }
      checkExpression(file, [...path, 'expression'], field.expression, report);
      checkReferences(file, [...path, 'expression'], field.expression, scope, report);
      break;
    default:
      break;
  }
}

/** relevant, required and constraint rules, which every kind of field may carry. */
function checkFieldRules(file: string, path: Path, field: FormField, scope: Set<string>, report: Report): void {
  const rules: [Path, Expression][] = [];
  if (field.relevant !== undefined) rules.push([[...path, 'relevant'], field.relevant]);
  if (field.required !== undefined && typeof field.required !== 'boolean') rules.push([[...path, 'required'], field.required]);
  field.constraints?.forEach((constraint, index) => rules.push([[...path, 'constraints', index, 'rule'], constraint.rule]));
  for (const [rulePath, rule] of rules) {
    checkExpression(file, rulePath, rule, report);
    checkReferences(file, rulePath, rule, scope, report);
  }
}

function checkExpression(file: string, path: Path, expression: Expression, report: Report): void {
  const size = measure(expression);
  if (size.depth > MAX_EXPRESSION_DEPTH) report(file, path, 'EXPRESSION_TOO_DEEP', { depth: size.depth, limit: MAX_EXPRESSION_DEPTH });
  else if (size.nodes > MAX_EXPRESSION_NODES) report(file, path, 'EXPRESSION_TOO_LARGE', { nodes: size.nodes, limit: MAX_EXPRESSION_NODES });
}

function checkReferences(file: string, path: Path, expression: Expression, scope: Set<string>, report: Report): void {
  for (const name of referencedVariables(expression)) {
    if (!scope.has(name)) report(file, path, 'UNKNOWN_FIELD', { field: name });
  }
}

/** Operator depth as the evaluator counts it (each operator one level), and the number of nodes, stopping early past the limits. */
function measure(expression: unknown): { depth: number; nodes: number } {
  let nodes = 0;
  let deepest = 0;
  const stack: [unknown, number][] = [[expression, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_EXPRESSION_NODES + 1 || depth > MAX_EXPRESSION_DEPTH + 1) return { depth: Math.max(deepest, depth), nodes };
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const argument of value) stack.push([argument, depth + 1]);
    }
  }
  return { depth: deepest, nodes };
}

function hasExpressionProblems(form: FormDefinition): boolean {
  const problems: ContentProblem[] = [];
  const collect: Report = (file, path, rule) => problems.push({ file, path: formatPath(path), rule, values: {} });
  checkCalculationCycles('', form, collect);
  const scopeless = (expression: Expression | undefined) => expression !== undefined && checkExpression('', [], expression, collect);
  for (const page of form.pages) {
    scopeless(page.relevant);
    for (const field of page.fields) {
      scopeless(field.relevant);
      if (field.type === 'calculated') scopeless(field.expression);
    }
  }
  return problems.length > 0;
}

/** A calculated field that reads another that reads it back has no value to settle on. */
function checkCalculationCycles(file: string, form: FormDefinition, report: Report): void {
  const calculated = new Map<string, { reads: string[]; path: Path }>();
  form.pages.forEach((page, pageIndex) =>
    page.fields.forEach((field, fieldIndex) => {
      const path: Path = ['pages', pageIndex, 'fields', fieldIndex];
      if (field.type === 'calculated') calculated.set(field.id, { reads: [...referencedVariables(field.expression)], path: [...path, 'expression'] });
      if (field.type === 'repeatGroup') {
        // An item's calculated fields read their siblings first: a cycle among them is a cycle of each item.
        const group = new Map<string, { reads: string[]; path: Path }>();
        field.fields.forEach((child, childIndex) => {
          if (child.type === 'calculated') group.set(child.id, { reads: [...referencedVariables(child.expression)], path: [...path, 'fields', childIndex, 'expression'] });
        });
        reportCycles(file, group, report);
      }
    }),
  );
  reportCycles(file, calculated, report);
}

function reportCycles(file: string, calculated: Map<string, { reads: string[]; path: Path }>, report: Report): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const key = [...cycle].sort().join();
      if (!reported.has(key)) {
        reported.add(key);
        report(file, calculated.get(id)!.path, 'CALCULATION_CYCLE', { cycle: cycle.join(' → ') });
      }
      return;
    }
    state.set(id, 'visiting');
    for (const next of calculated.get(id)!.reads) if (calculated.has(next)) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of calculated.keys()) visit(id, []);
}

/** Every localized text under a node, each checked against the limit for its kind (by its key). */
function checkTexts(file: string, node: unknown, path: Path, report: Report): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => checkTexts(file, item, [...path, index], report));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (isLocalized(record)) {
    const limit = textLimit(file, path);
    for (const language of ['ky', 'ru', 'en'] as const) {
      const length = (record[language] as string).length;
      if (length > limit) report(file, [...path, language], 'TEXT_TOO_LONG', { length, limit });
    }
    return;
  }
  // Every key, expressions included: a skipped key name would be a place to hide a 10 MB text.
  for (const [key, value] of Object.entries(record)) checkTexts(file, value, [...path, key], report);
}

function isLocalized(record: Record<string, unknown>): boolean {
  const keys = Object.keys(record);
  return keys.length === 3 && keys.every((key) => (key === 'ky' || key === 'ru' || key === 'en') && typeof record[key] === 'string');
}

function textLimit(file: string, path: Path): number {
  const key = [...path].reverse().find((part): part is string => typeof part === 'string') ?? '';
  if (file.startsWith('legal/') && key === 'body') return TEXT_LIMITS.legalBody;
  if (key === 'title' || key === 'itemLabel' || key === 'officeName') return TEXT_LIMITS.title;
  if (key === 'summary' && !file.startsWith('legal/')) return TEXT_LIMITS.summary;
  if (key === 'label') return TEXT_LIMITS.label;
  if (key === 'hint' || key === 'note') return TEXT_LIMITS.hint;
  if (key === 'message') return TEXT_LIMITS.message;
  if (key === 'description' || key === 'whoMayApply' || key === 'payment' || key === 'summary') return TEXT_LIMITS.description;
  return TEXT_LIMITS.other;
}

function topLevelIds(form: FormDefinition): Set<string> {
  return new Set(form.pages.flatMap((page) => page.fields.map((field) => field.id)));
}

function unique(ids: readonly string[], onDuplicate: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) onDuplicate(index, id);
    seen.add(id);
  });
}

function bounds(min: string, minValue: number, max: string, maxValue: number) {
  return { min, minValue, max, maxValue };
}

/** `pages[2].fields[0].maxItems`. */
function formatPath(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
