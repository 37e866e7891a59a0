import type { LocalizedText } from '../domain/languages.js';
import { compileContentPattern, type ContentPattern } from './patterns.js';
import { evaluateExpression, isTruthy, referencedVariables, type ExpressionScope, type ExpressionValue } from './expression.js';
import { REGION_CODES } from './region-codes.js';
import type {
  AddressValue,
  AnswerValue,
  Answers,
  Expression,
  FormDefinition,
  FormPage,
  LeafField,
  RepeatGroupField,
  RepeatItem,
} from './form-schema.js';
import type { IssueCode, MessageParams } from './messages.js';
import {
  characterCount,
  compareDates,
  hasOnlyScript,
  normaliseDocumentNumber,
  normaliseEmail,
  normaliseLongText,
  normalisePhone,
  normalisePin,
  normalisePostalCode,
  normaliseText,
  parseIsoDate,
  parsePin,
  type CalendarDate,
  type DocumentKind,
} from './validators.js';

/**
 * The one form engine. The renderer runs evaluateForm on every keystroke to decide what to show
 * and what to say; the host runs validateSubmission on what the renderer sends and refuses what
 * the screen would have refused. Both go through the same run below, so they cannot disagree.
 *
 * A run has three steps:
 *   1. check every answer on its own (type, normal form, format) — independent of relevance;
 *   2. walk the form in order deciding relevance and computing calculated fields, with hidden
 *      fields reading as null; repeated only when some rule looks forward in the form;
 *   3. for visible fields: required, the step-1 issues, constraints and the PIN/birth-date warning.
 */

export interface EvaluationContext {
  /** YYYY-MM-DD, the kiosk's date (the host's date when re-validating). */
  today: string;
}

export interface FieldIssue {
  /** "fieldId", or "groupId.0.childId" inside a repeat group. */
  path: string;
  fieldId: string;
  pageId: string;
  code: IssueCode;
  severity: 'error' | 'warning';
  /** What the message fills in (limits, examples, dates); the screen translates code and params. */
  params?: MessageParams;
  /** The content's own message (a pattern's, a constraint's), shown instead of the code's. */
  message?: LocalizedText;
}

export interface FormState {
  /** Pages whose relevance holds and that have at least one visible field. */
  visiblePageIds: string[];
  /** "fieldId", "groupId" and "groupId.0.childId", in form order. */
  visibleFieldPaths: string[];
  /** By path, for visible fields. */
  required: Record<string, boolean>;
  /** By calculated field id ("groupId.0.childId" inside a repeat group); null if hidden or not computable. */
  calculated: Record<string, AnswerValue>;
  /** Errors and warnings of visible fields, in form order. */
  issues: FieldIssue[];
}

export type SubmissionCheck = { ok: true; answers: Answers } | { ok: false; issues: FieldIssue[] };

const DEFAULT_TEXT_MAX_LENGTH = 200;
const DEFAULT_LONG_TEXT_MAX_LENGTH = 2000;
const ADDRESS_PART_MAX_LENGTH = 100;
const ADDRESS_FLAT_MAX_LENGTH = 20;
const ADDRESS_REQUIRED_PARTS = ['region', 'district', 'locality', 'street', 'house'] as const;
const ADDRESS_PARTS: ReadonlySet<string> = new Set([...ADDRESS_REQUIRED_PARTS, 'flat']);
const REGIONS: ReadonlySet<string> = new Set(REGION_CODES);
/** Rounds of the relevance walk when rules look forward; forms that oscillate stop here. */
const MAX_RELEVANCE_PASSES = 4;
/** More keys than any form has fields: refused before any work is done. */
const MAX_SUBMISSION_KEYS = 1000;
const MAX_REPORTED_UNKNOWN_FIELDS = 20;

const DOCUMENT_EXAMPLES: Readonly<Record<DocumentKind, string>> = {
  'id-card': 'ID1234567',
  'id-card-legacy': 'AN1234567',
  'foreign-passport': 'AC1234567',
  'driving-licence': 'AB1234567',
  'civil-certificate': 'I-АН 123456',
};

// ---------------------------------------------------------------------------------------------
// The form index, built once per form object

interface LeafEntry {
  kind: 'leaf';
  field: LeafField;
  pageId: string;
  order: number;
  /** Compiled once; null when the content's pattern does not compile (then it is not checked). */
  pattern: ContentPattern | null;
  /** Option value → position, for choices. */
  options: ReadonlyMap<string, number> | null;
}

interface GroupEntry {
  kind: 'group';
  field: RepeatGroupField;
  pageId: string;
  order: number;
  children: readonly LeafEntry[];
  childIds: ReadonlySet<string>;
}

type TopEntry = LeafEntry | GroupEntry;

interface PageEntry {
  page: FormPage;
  entries: readonly TopEntry[];
}

interface FormIndex {
  pages: readonly PageEntry[];
  byId: ReadonlyMap<string, TopEntry>;
  /** Some relevance or calculation reads a field at or after its own place: walk to a fixpoint. */
  needsFixpoint: boolean;
}

const indexCache = new WeakMap<FormDefinition, FormIndex>();

function indexOf(form: FormDefinition): FormIndex {
  let index = indexCache.get(form);
  if (!index) {
    index = buildIndex(form);
    indexCache.set(form, index);
  }
  return index;
}

function compilePattern(source: string | undefined): ContentPattern | null {
  if (source === undefined) return null;
  const compiled = compileContentPattern(source);
  // Content validation refuses a package whose pattern does not compile, so this stays unchecked only for hand-built forms.
  return compiled.ok ? compiled.pattern : null;
}

function leafEntry(field: LeafField, pageId: string, order: number): LeafEntry {
  const options =
    field.type === 'singleChoice' || field.type === 'multipleChoice'
      ? new Map(field.options.map((option, position) => [option.value, position] as const))
      : null;
  const pattern = field.type === 'text' ? compilePattern(field.pattern?.regex) : null;
  return { kind: 'leaf', field, pageId, order, pattern, options };
}

function buildIndex(form: FormDefinition): FormIndex {
  const byId = new Map<string, TopEntry>();
  const pages: PageEntry[] = [];
  let order = 0;
  for (const page of form.pages) {
    const entries: TopEntry[] = [];
    for (const field of page.fields) {
      let entry: TopEntry;
      if (field.type === 'repeatGroup') {
        const groupOrder = order;
        const children = field.fields.map((child) => leafEntry(child, page.id, (order += 1)));
        entry = { kind: 'group', field, pageId: page.id, order: groupOrder, children, childIds: new Set(children.map((child) => child.field.id)) };
      } else {
        entry = leafEntry(field, page.id, order);
      }
      order += 1;
      entries.push(entry);
      if (!byId.has(field.id)) byId.set(field.id, entry);
    }
    pages.push({ page, entries });
  }
  return { pages, byId, needsFixpoint: hasForwardReference(pages, byId) };
}

/** Whether a relevance rule or calculation reads a field that the in-order walk has not yet settled. */
function hasForwardReference(pages: readonly PageEntry[], byId: ReadonlyMap<string, TopEntry>): boolean {
  const readsForward = (expression: unknown, position: number, siblings?: readonly LeafEntry[]): boolean => {
    if (expression === undefined) return false;
    for (const name of referencedVariables(expression)) {
      const sibling = siblings?.find((child) => child.field.id === name);
      const target = sibling?.order ?? byId.get(name)?.order;
      if (target !== undefined && target >= position) return true;
    }
    return false;
  };
  for (const { page, entries } of pages) {
    if (readsForward(page.relevant, entries[0]?.order ?? 0)) return true;
    for (const entry of entries) {
      if (readsForward(entry.field.relevant, entry.order)) return true;
      if (entry.kind === 'leaf' && entry.field.type === 'calculated' && readsForward(entry.field.expression, entry.order)) return true;
      if (entry.kind === 'group') {
        for (const child of entry.children) {
          if (readsForward(child.field.relevant, child.order, entry.children)) return true;
          if (child.field.type === 'calculated' && readsForward(child.field.expression, child.order, entry.children)) return true;
        }
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Step 1: each answer on its own

interface PendingIssue {
  code: IssueCode;
  severity: 'error' | 'warning';
  params?: MessageParams;
  /** The content's own message (pattern, constraint) instead of the built-in one. */
  message?: LocalizedText;
}

interface CheckedAnswer {
  /** The value has the wrong JSON type for the field: nothing else is checked. */
  wrongType: boolean;
  empty: boolean;
  /** An address with some, but not all, required parts filled. */
  partialAddress: boolean;
  /** The normal form to submit; meaningful only when there are no error issues. */
  value: AnswerValue;
  /** What rules read: the normal form when there is one, else the tidied text; null for wrong types. */
  ruleValue: AnswerValue;
  issues: PendingIssue[];
}

function checked(partial: Partial<CheckedAnswer>): CheckedAnswer {
  return { wrongType: false, empty: false, partialAddress: false, value: null, ruleValue: null, issues: [], ...partial };
}

const EMPTY: CheckedAnswer = checked({ empty: true });
const WRONG_TYPE: CheckedAnswer = checked({ wrongType: true });

function error(code: IssueCode, params?: MessageParams, message?: LocalizedText): PendingIssue {
  return { code, severity: 'error', ...(params ? { params } : {}), ...(message ? { message } : {}) };
}

/** Raw text longer than this is refused before normalising, so a 10,000-character paste costs nothing. */
function rawLengthCap(maxLength: number): number {
  return maxLength * 4 + 1000;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function ownValue(record: unknown, key: string): unknown {
  return isPlainObject(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

interface CheckContext {
  today: string;
  todayDate: CalendarDate | null;
}

function checkLeaf(entry: LeafEntry, raw: unknown, context: CheckContext): CheckedAnswer {
  const field = entry.field;
  switch (field.type) {
    case 'calculated':
      // Any submitted value is ignored: the engine computes it.
      return EMPTY;
    case 'yesNo':
      if (raw === null || raw === undefined) return EMPTY;
      return typeof raw === 'boolean' ? checked({ value: raw, ruleValue: raw }) : WRONG_TYPE;
    case 'number':
      return checkNumber(field, raw);
    case 'multipleChoice':
      return checkMultipleChoice(field, entry.options ?? new Map(), raw);
    case 'address':
      return checkAddress(raw);
    default:
      break;
  }
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw !== 'string') return WRONG_TYPE;

  if (field.type === 'text' || field.type === 'longText') {
    const maxLength = field.maxLength ?? (field.type === 'text' ? DEFAULT_TEXT_MAX_LENGTH : DEFAULT_LONG_TEXT_MAX_LENGTH);
    if (raw.length > rawLengthCap(maxLength)) return checked({ value: raw, ruleValue: raw, issues: [error('TOO_LONG', { max: maxLength })] });
    const text = field.type === 'text' ? normaliseText(raw) : normaliseLongText(raw);
    if (text === '') return EMPTY;
    const length = characterCount(text);
    const issues: PendingIssue[] = [];
    if (length > maxLength) {
      issues.push(error('TOO_LONG', { max: maxLength }));
    } else if (field.type === 'text') {
      if (field.minLength !== undefined && length < field.minLength) issues.push(error('TOO_SHORT', { min: field.minLength }));
      if ((field.script === 'cyrillic' || field.script === 'latin') && !hasOnlyScript(text, field.script)) {
        issues.push(error('WRONG_SCRIPT', { script: field.script }));
      }
      if (entry.pattern && field.pattern && !entry.pattern.matches(text)) issues.push(error('PATTERN', undefined, field.pattern.message));
    }
    return checked({ value: text, ruleValue: text, issues });
  }

  const trimmed = raw.length > 1000 ? raw : raw.trim();
  if (trimmed === '') return EMPTY;
  const invalid = (code: IssueCode, params?: MessageParams): CheckedAnswer =>
    checked({ value: trimmed, ruleValue: trimmed, issues: [error(code, params)] });
  const valid = (value: string): CheckedAnswer => checked({ value, ruleValue: value });

  switch (field.type) {
    case 'date': {
      const date = parseIsoDate(trimmed);
      if (!date) return invalid('INVALID_DATE');
      if (field.notInFuture && context.todayDate && compareDates(date, context.todayDate) > 0) return invalid('DATE_IN_FUTURE');
      if (field.notInPast && context.todayDate && compareDates(date, context.todayDate) < 0) return invalid('DATE_IN_PAST');
      return valid(trimmed);
    }
    case 'singleChoice':
      return entry.options?.has(trimmed) ? valid(trimmed) : invalid('INVALID_OPTION');
    case 'pin': {
      const pin = normalisePin(trimmed, context.today);
      return pin ? valid(pin) : invalid('INVALID_PIN');
    }
    case 'phone': {
      const phone = normalisePhone(trimmed);
      return phone ? valid(phone) : invalid('INVALID_PHONE');
    }
    case 'email': {
      const email = normaliseEmail(trimmed);
      return email ? valid(email) : invalid('INVALID_EMAIL');
    }
    case 'documentNumber': {
      const number = normaliseDocumentNumber(trimmed, field.documentKinds);
      if (number) return valid(number);
      return invalid('INVALID_DOCUMENT_NUMBER', { examples: field.documentKinds.map((kind) => DOCUMENT_EXAMPLES[kind]).join(', ') });
    }
    case 'postalCode': {
      const code = normalisePostalCode(trimmed);
      return code ? valid(code) : invalid('INVALID_POSTAL_CODE');
    }
    default:
      return WRONG_TYPE;
  }
}

/** Numbers as typed on a kiosk: "12", "12,5", "12.5", "1 000"; a comma is a decimal comma. */
function parseNumberText(text: string): number | null {
  if (text.length > 64) return null;
  const compact = text.replace(/[\s\u00A0\u202F]+/gu, '').replace(/\u2212/g, '-').replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null;
  const number = Number(compact);
  return Number.isFinite(number) ? number : null;
}

function checkNumber(field: Extract<LeafField, { type: 'number' }>, raw: unknown): CheckedAnswer {
  if (raw === null || raw === undefined) return EMPTY;
  let number: number | null;
  if (typeof raw === 'number') {
    number = Number.isFinite(raw) ? raw : null;
    if (number === null) return checked({ issues: [error('NOT_A_NUMBER')] });
  } else if (typeof raw === 'string') {
    const text = raw.length > 1000 ? raw : raw.trim();
    if (text === '') return EMPTY;
    number = parseNumberText(text);
    if (number === null) return checked({ value: text.slice(0, 100), ruleValue: text.slice(0, 100), issues: [error('NOT_A_NUMBER')] });
  } else {
    return WRONG_TYPE;
  }
  // -0 and 0 are the same answer.
  if (Object.is(number, -0)) number = 0;
  const issues: PendingIssue[] = [];
  if (field.integer && !Number.isInteger(number)) issues.push(error('NOT_INTEGER'));
  if (field.min !== undefined && number < field.min) issues.push(error('TOO_SMALL', { min: field.min }));
  if (field.max !== undefined && number > field.max) issues.push(error('TOO_LARGE', { max: field.max }));
  return checked({ value: number, ruleValue: number, issues });
}

function checkMultipleChoice(
  field: Extract<LeafField, { type: 'multipleChoice' }>,
  options: ReadonlyMap<string, number>,
  raw: unknown,
): CheckedAnswer {
  if (raw === null || raw === undefined) return EMPTY;
  if (!Array.isArray(raw)) return WRONG_TYPE;
  if (raw.length === 0) return EMPTY;
  // More choices than options means a repeat or junk; refuse without looking at each.
  if (raw.length > options.size) return checked({ issues: [error('INVALID_OPTION')] });
  const values = raw as unknown[];
  if (!values.every((value): value is string => typeof value === 'string')) return WRONG_TYPE;
  const chosen = new Set(values);
  if (chosen.size !== values.length || values.some((value) => !options.has(value))) {
    return checked({ value: values, ruleValue: values, issues: [error('INVALID_OPTION')] });
  }
  // The normal form lists choices in the order the screen shows them.
  const sorted = [...values].sort((a, b) => (options.get(a) ?? 0) - (options.get(b) ?? 0));
  const issues: PendingIssue[] = [];
  if (field.minSelected !== undefined && sorted.length < field.minSelected) issues.push(error('TOO_FEW_SELECTED', { min: field.minSelected }));
  if (field.maxSelected !== undefined && sorted.length > field.maxSelected) issues.push(error('TOO_MANY_SELECTED', { max: field.maxSelected }));
  return checked({ value: sorted, ruleValue: sorted, issues });
}

function checkAddress(raw: unknown): CheckedAnswer {
  if (raw === null || raw === undefined) return EMPTY;
  if (!isPlainObject(raw)) return WRONG_TYPE;
  const keys = Object.keys(raw);
  if (keys.length > ADDRESS_PARTS.size || keys.some((key) => !ADDRESS_PARTS.has(key))) return WRONG_TYPE;
  const parts: Record<string, string> = Object.create(null) as Record<string, string>;
  let tooLong = false;
  for (const part of ADDRESS_PARTS) {
    const value = raw[part];
    if (value === null || value === undefined) {
      parts[part] = '';
      continue;
    }
    if (typeof value !== 'string') return WRONG_TYPE;
    const limit = part === 'flat' ? ADDRESS_FLAT_MAX_LENGTH : ADDRESS_PART_MAX_LENGTH;
    if (value.length > rawLengthCap(limit)) {
      tooLong = true;
      parts[part] = value.slice(0, limit + 1);
      continue;
    }
    const text = normaliseText(value);
    if (characterCount(text) > limit) tooLong = true;
    parts[part] = text;
  }
  const filled = ADDRESS_REQUIRED_PARTS.filter((part) => parts[part] !== '');
  if (filled.length === 0 && parts.flat === '') return EMPTY;
  const address: AddressValue = {
    region: parts.region ?? '',
    district: parts.district ?? '',
    locality: parts.locality ?? '',
    street: parts.street ?? '',
    house: parts.house ?? '',
    ...(parts.flat ? { flat: parts.flat } : {}),
  };
  const partialAddress = filled.length < ADDRESS_REQUIRED_PARTS.length;
  const invalid = partialAddress || tooLong || !REGIONS.has(address.region);
  return checked({ value: address, ruleValue: address, partialAddress, issues: invalid ? [error('INVALID_ADDRESS')] : [] });
}

// ---------------------------------------------------------------------------------------------
// The run

interface ItemRun {
  /** The item is not an object: the group reports WRONG_TYPE for it. */
  wrongType: boolean;
  raw: Record<string, unknown> | null;
  checked: Map<string, CheckedAnswer>;
  /** What rules read for this item; hidden children read null. */
  values: RepeatItem;
  visible: Map<string, boolean>;
  calculated: Map<string, AnswerValue>;
}

interface GroupRun {
  wrongType: boolean;
  /** Items submitted, including those beyond maxItems (which are counted but not examined). */
  count: number;
  items: ItemRun[];
}

interface Run {
  index: FormIndex;
  context: CheckContext;
  checked: Map<string, CheckedAnswer>;
  groups: Map<string, GroupRun>;
  /** What rules read; hidden fields read null. Built with a null prototype: keys come from the form. */
  values: Answers;
  pageVisible: Map<string, boolean>;
  fieldVisible: Map<string, boolean>;
  calculated: Map<string, AnswerValue>;
}

function createRun(form: FormDefinition, answers: unknown, context: EvaluationContext): Run {
  const index = indexOf(form);
  const today = typeof context?.today === 'string' ? context.today : '';
  const checkContext: CheckContext = { today, todayDate: parseIsoDate(today) };
  const run: Run = {
    index,
    context: checkContext,
    checked: new Map(),
    groups: new Map(),
    values: Object.create(null) as Answers,
    pageVisible: new Map(),
    fieldVisible: new Map(),
    calculated: new Map(),
  };
  for (const { entries } of index.pages) {
    for (const entry of entries) {
      const raw = ownValue(answers, entry.field.id);
      if (entry.kind === 'leaf') {
        const result = checkLeaf(entry, raw, checkContext);
        run.checked.set(entry.field.id, result);
        run.values[entry.field.id] = result.ruleValue;
      } else {
        const group = checkGroup(entry, raw, checkContext);
        run.groups.set(entry.field.id, group);
        run.values[entry.field.id] = group.wrongType ? null : group.items.filter((item) => !item.wrongType).map((item) => item.values);
      }
    }
  }
  settleRelevance(run);
  return run;
}

function checkGroup(entry: GroupEntry, raw: unknown, context: CheckContext): GroupRun {
  if (raw === null || raw === undefined) return { wrongType: false, count: 0, items: [] };
  if (!Array.isArray(raw)) return { wrongType: true, count: 0, items: [] };
  const rawItems = raw as unknown[];
  const examined = Math.min(rawItems.length, entry.field.maxItems);
  const items: ItemRun[] = [];
  for (let position = 0; position < examined; position += 1) {
    const rawItem = rawItems[position];
    const item: ItemRun = {
      wrongType: !isPlainObject(rawItem),
      raw: isPlainObject(rawItem) ? rawItem : null,
      checked: new Map(),
      values: Object.create(null) as RepeatItem,
      visible: new Map(),
      calculated: new Map(),
    };
    if (!item.wrongType) {
      for (const child of entry.children) {
        const result = checkLeaf(child, ownValue(rawItem, child.field.id), context);
        item.checked.set(child.field.id, result);
        item.values[child.field.id] = result.ruleValue;
      }
    }
    items.push(item);
  }
  return { wrongType: false, count: rawItems.length, items };
}

function holds(expression: Expression | undefined, scope: ExpressionScope): boolean {
  return expression === undefined || isTruthy(evaluateExpression(expression, scope));
}

function calculate(field: Extract<LeafField, { type: 'calculated' }>, scope: ExpressionScope): AnswerValue {
  const value: ExpressionValue = evaluateExpression(field.expression, scope);
  switch (field.format) {
    case 'som':
      // Money in som and tyiyn: two decimals, so 0.1 + 0.2 shows as 0.3.
      return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'text':
      if (typeof value === 'string') return value;
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
  }
}

/**
 * Step 2: relevance and calculations in form order. A rule reading an earlier field sees its
 * settled value; when the index found a rule reading forward, the walk repeats until nothing
 * changes (a few passes at most).
 */
function settleRelevance(run: Run): void {
  let previous = '';
  const passes = run.index.needsFixpoint ? MAX_RELEVANCE_PASSES : 1;
  for (let pass = 0; pass < passes; pass += 1) {
    const signature = relevancePass(run);
    if (signature === previous) return;
    previous = signature;
  }
}

function relevancePass(run: Run): string {
  const signature: string[] = [];
  const today = run.context.today;
  const topScope: ExpressionScope = { answers: run.values, today };
  for (const { page, entries } of run.index.pages) {
    const pageVisible = holds(page.relevant, topScope);
    run.pageVisible.set(page.id, pageVisible);
    for (const entry of entries) {
      const field = entry.field;
      const visible = pageVisible && holds(field.relevant, topScope);
      run.fieldVisible.set(field.id, visible);
      signature.push(visible ? '1' : '0');
      if (entry.kind === 'group') {
        const group = run.groups.get(field.id);
        if (!visible || !group || group.wrongType) {
          run.values[field.id] = null;
          continue;
        }
        const items = group.items.filter((item) => !item.wrongType);
        for (const item of items) {
          const itemScope: ExpressionScope = { answers: run.values, item: item.values, today };
          for (const child of entry.children) {
            const childId = child.field.id;
            const childVisible = holds(child.field.relevant, itemScope);
            item.visible.set(childId, childVisible);
            signature.push(childVisible ? '1' : '0');
            if (child.field.type === 'calculated') {
              const value = childVisible ? calculate(child.field, itemScope) : null;
              item.calculated.set(childId, value);
              item.values[childId] = value;
              signature.push(JSON.stringify(value));
            } else {
              item.values[childId] = childVisible ? (item.checked.get(childId)?.ruleValue ?? null) : null;
            }
          }
        }
        run.values[field.id] = items.map((item) => item.values);
      } else if (field.type === 'calculated') {
        const value = visible ? calculate(field, topScope) : null;
        run.calculated.set(field.id, value);
        run.values[field.id] = value;
        signature.push(JSON.stringify(value));
      } else {
        run.values[field.id] = visible ? (run.checked.get(field.id)?.ruleValue ?? null) : null;
      }
    }
  }
  return signature.join(',');
}

// ---------------------------------------------------------------------------------------------
// Step 3: issues of visible fields

interface Collected {
  state: FormState;
  /** Normalised answers of visible fields, hidden and empty ones left out. */
  answers: Answers;
  /** UNKNOWN_FIELD issues for keys inside repeat items (only collected for submissions). */
  unknownItemKeys: FieldIssue[];
}

function isRequired(field: LeafField | RepeatGroupField, scope: ExpressionScope): boolean {
  const required = field.required;
  if (required === undefined || required === false) return false;
  if (required === true) return true;
  return isTruthy(evaluateExpression(required, scope));
}

function toIssue(pending: PendingIssue, path: string, fieldId: string, pageId: string): FieldIssue {
  return {
    path,
    fieldId,
    pageId,
    code: pending.code,
    severity: pending.severity,
    ...(pending.params ? { params: pending.params } : {}),
    ...(pending.message ? { message: pending.message } : {}),
  };
}

function collect(run: Run, strictItems: boolean): Collected {
  const state: FormState = { visiblePageIds: [], visibleFieldPaths: [], required: {}, calculated: {}, issues: [] };
  const answers: Answers = {};
  const unknownItemKeys: FieldIssue[] = [];
  const today = run.context.today;
  const topScope: ExpressionScope = { answers: run.values, today };

  for (const { page, entries } of run.index.pages) {
    let anyVisible = false;
    for (const entry of entries) {
      const field = entry.field;
      if (field.type === 'calculated') state.calculated[field.id] = run.calculated.get(field.id) ?? null;
      if (!run.fieldVisible.get(field.id)) continue;
      anyVisible = true;
      state.visibleFieldPaths.push(field.id);
      if (entry.kind === 'leaf') {
        const result = run.checked.get(field.id) ?? EMPTY;
        const value = leafIssues(entry, result, field.id, topScope, state, { isSound: (name) => isSound(run.checked.get(name)) });
        if (value !== undefined) answers[field.id] = value;
        continue;
      }

      // A repeat group: the list, then each item's fields.
      const group = run.groups.get(field.id);
      const required = isRequired(field, topScope);
      state.required[field.id] = required;
      const addIssue = (code: IssueCode, params?: MessageParams, path: string = field.id, fieldId: string = field.id): void => {
        state.issues.push(toIssue(error(code, params), path, fieldId, entry.pageId));
      };
      if (!group || group.wrongType) {
        addIssue('WRONG_TYPE');
        continue;
      }
      if (group.count === 0) {
        if (required) addIssue('REQUIRED');
        else if (entry.field.minItems > 0) addIssue('TOO_FEW_ITEMS', { min: entry.field.minItems });
        continue;
      }
      if (group.count < entry.field.minItems) addIssue('TOO_FEW_ITEMS', { min: entry.field.minItems });
      if (group.count > entry.field.maxItems) addIssue('TOO_MANY_ITEMS', { max: entry.field.maxItems });
      const items: RepeatItem[] = [];
      group.items.forEach((item, position) => {
        const itemPath = `${field.id}.${position}`;
        if (item.wrongType || !item.raw) {
          addIssue('WRONG_TYPE', undefined, itemPath);
          return;
        }
        if (strictItems) {
          for (const key of Object.keys(item.raw)) {
            if (!entry.childIds.has(key)) {
              unknownItemKeys.push(toIssue(error('UNKNOWN_FIELD'), `${itemPath}.${truncateKey(key)}`, truncateKey(key), entry.pageId));
            }
          }
        }
        const itemScope: ExpressionScope = { answers: run.values, item: item.values, today };
        const itemAnswers: RepeatItem = {};
        for (const child of entry.children) {
          const childId = child.field.id;
          if (!item.visible.get(childId)) continue;
          const path = `${itemPath}.${childId}`;
          state.visibleFieldPaths.push(path);
          if (child.field.type === 'calculated') state.calculated[path] = item.calculated.get(childId) ?? null;
          const value = leafIssues(child, item.checked.get(childId) ?? EMPTY, path, itemScope, state, {
            calculated: item.calculated,
            isSound: (name) => isSound(entry.childIds.has(name) ? item.checked.get(name) : run.checked.get(name)),
          });
          if (value !== undefined) itemAnswers[childId] = value;
        }
        items.push(itemAnswers);
      });
      answers[field.id] = items;
    }
    if (run.pageVisible.get(page.id) && anyVisible) state.visiblePageIds.push(page.id);
  }
  return { state, answers, unknownItemKeys };
}

interface Surroundings {
  /** The item's calculated values, inside a repeat group. */
  calculated?: ReadonlyMap<string, AnswerValue>;
  /** Whether another field (the item's first, then the form's) holds a well-formed answer. */
  isSound: (fieldId: string) => boolean;
}

function isSound(result: CheckedAnswer | undefined): boolean {
  return !!result && !result.wrongType && !result.empty && !result.issues.some((issue) => issue.severity === 'error');
}

/**
 * Required, the answer's own issues, constraints and warnings of one visible leaf field, added to
 * `state`. Returns the normalised value to submit, or undefined when there is nothing to submit.
 */
function leafIssues(
  entry: LeafEntry,
  result: CheckedAnswer,
  path: string,
  scope: ExpressionScope,
  state: FormState,
  surroundings: Surroundings,
): AnswerValue | undefined {
  const itemCalculated = surroundings.calculated;
  const field = entry.field;
  const push = (pending: PendingIssue): void => {
    state.issues.push(toIssue(pending, path, field.id, entry.pageId));
  };

  if (field.type === 'calculated') {
    state.required[path] = false;
    const value = itemCalculated ? (itemCalculated.get(field.id) ?? null) : (state.calculated[path] ?? null);
    if (value !== null) pushConstraintIssues(field, scope, push);
    return value;
  }

  const required = isRequired(field, scope);
  state.required[path] = required;
  if (result.wrongType) {
    push(error('WRONG_TYPE'));
    return undefined;
  }
  if (result.empty) {
    if (required) push(error('REQUIRED', field.type === 'address' ? { fieldType: 'address' } : undefined));
    return undefined;
  }
  if (result.partialAddress && required) {
    // A half-filled address counts as unanswered; the message names the parts to fill in.
    push(error('REQUIRED', { fieldType: 'address' }));
    return undefined;
  }
  result.issues.forEach(push);
  if (result.issues.some((issue) => issue.severity === 'error')) return undefined;
  // Constraints compare a well-formed answer with others; on a malformed one they would only add noise.
  const constraintsFailed = pushConstraintIssues(field, scope, push);

  if (field.type === 'pin' && field.birthDateField && typeof result.value === 'string') {
    const pinDate = parsePin(result.value, scope.today)?.birthDate;
    const birthDate = evaluateExpression({ var: field.birthDateField }, scope);
    // A birth date that is itself refused (e.g. in the future) has its own message; comparing adds noise.
    const comparable = typeof birthDate === 'string' && surroundings.isSound(field.birthDateField);
    if (pinDate && comparable && birthDate !== pinDate) {
      // "Problem PINs" exist and PINs can be changed: warn, never block.
      push({ code: 'PIN_BIRTH_DATE_MISMATCH', severity: 'warning', params: { pinDate, birthDate } });
    }
  }
  return constraintsFailed ? undefined : result.value;
}

function pushConstraintIssues(field: LeafField, scope: ExpressionScope, push: (issue: PendingIssue) => void): boolean {
  let failed = false;
  for (const constraint of field.constraints ?? []) {
    if (!isTruthy(evaluateExpression(constraint.rule, scope))) {
      push(error('CONSTRAINT', undefined, constraint.message));
      failed = true;
    }
  }
  return failed;
}

function truncateKey(key: string): string {
  return key.length > 64 ? `${key.slice(0, 64)}…` : key;
}

// ---------------------------------------------------------------------------------------------
// The API

/** Everything the renderer needs to draw the form for these answers. */
export function evaluateForm(form: FormDefinition, answers: Answers, context: EvaluationContext): FormState {
  return collect(createRun(form, answers, context), false).state;
}

/** The issues of one page, for its Continue button: errors block, warnings are shown. */
export function pageIssues(form: FormDefinition, pageId: string, answers: Answers, context: EvaluationContext): FieldIssue[] {
  return evaluateForm(form, answers, context).issues.filter((issue) => issue.pageId === pageId);
}

function submissionIssue(code: IssueCode, path = '', fieldId = '', pageId = ''): FieldIssue {
  return { path, fieldId, pageId, code, severity: 'error' };
}

/**
 * The host's check of a submission from the renderer, which it does not trust. Refuses a
 * non-object, keys that are not fields of the form, values of the wrong JSON type and anything the
 * screen would have shown as an error; returns the normalised answers otherwise (hidden fields
 * dropped, calculated fields recomputed). Warnings do not block.
 */
export function validateSubmission(form: FormDefinition, answers: unknown, context: EvaluationContext): SubmissionCheck {
  try {
    if (!isPlainObject(answers)) return { ok: false, issues: [submissionIssue('WRONG_TYPE')] };
    const keys = Object.keys(answers);
    if (keys.length > MAX_SUBMISSION_KEYS) return { ok: false, issues: [submissionIssue('UNKNOWN_FIELD')] };
    const index = indexOf(form);
    const unknown: FieldIssue[] = [];
    // Only the form's own keys are copied, into an object without a prototype: "__proto__" or
    // "constructor" in the submission can never reach Object.prototype.
    const known = Object.create(null) as Record<string, unknown>;
    for (const key of keys) {
      const entry = index.byId.get(key);
      if (!entry) {
        if (unknown.length < MAX_REPORTED_UNKNOWN_FIELDS) unknown.push(submissionIssue('UNKNOWN_FIELD', truncateKey(key), truncateKey(key)));
        continue;
      }
      known[key] = answers[key];
    }
    const collected = collect(createRun(form, known, context), true);
    const errors = [
      ...unknown,
      ...collected.unknownItemKeys,
      ...collected.state.issues.filter((issue) => issue.severity === 'error'),
    ];
    if (errors.length > 0) return { ok: false, issues: errors };
    return { ok: true, answers: collected.answers };
  } catch {
    // Unreachable for data that came through IPC; refusing is the safe answer to anything else.
    return { ok: false, issues: [submissionIssue('WRONG_TYPE')] };
  }
}
