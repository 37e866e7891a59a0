import type { AnswerValue, Answers, Expression, RepeatItem } from './form-schema.js';
import { dayNumber, parseIsoDate, wholeYearsBetween } from './validators.js';

/**
 * The evaluator for the forms' JSON expressions (see Expression in form-schema.ts). It is total:
 * whatever the content or the answers hold, it returns a value (null when there is no sensible
 * one) and never throws, so a careless rule can hide a question but cannot crash a kiosk.
 */

export interface ExpressionScope {
  answers: Answers;
  /** The current repeat-group item, whose fields a {"var"} finds first. */
  item?: RepeatItem;
  /** YYYY-MM-DD, the kiosk's date. */
  today: string;
}

/** What an expression yields: any answer value (AnswerValue already includes number, boolean and null). */
export type ExpressionValue = AnswerValue;

/** Deeper nesting than any sensible rule; stops cyclic or hostile objects from exhausting the stack. */
export const MAX_EXPRESSION_DEPTH = 32;
/**
 * Operator nodes one evaluation may visit. A parsed JSON tree is finite, but an object built in
 * code may share sub-expressions, so that 20 arguments × 32 levels would never finish.
 */
export const MAX_EXPRESSION_STEPS = 10_000;

interface Evaluation {
  scope: ExpressionScope;
  steps: number;
}

export function evaluateExpression(expression: Expression, scope: ExpressionScope): ExpressionValue {
  return evaluate(expression, { scope, steps: 0 }, 0);
}

/** Truthiness as rules mean it: null, false, 0, NaN, '', whitespace and [] are false. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Empty as the "empty" operator and required checks mean it. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function evaluate(node: unknown, evaluation: Evaluation, depth: number): ExpressionValue {
  if (node === null || node === undefined) return null;
  switch (typeof node) {
    case 'string':
    case 'boolean':
      return node;
    case 'number':
      return Number.isFinite(node) ? node : null;
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(node) || depth >= MAX_EXPRESSION_DEPTH) return null;
  evaluation.steps += 1;
  if (evaluation.steps > MAX_EXPRESSION_STEPS) return null;

  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const operator = keys[0] as string;
  const argument: unknown = (node as Record<string, unknown>)[operator];
  if (operator === 'var') return typeof argument === 'string' ? readVariable(argument, evaluation.scope) : null;
  if (!Array.isArray(argument)) return null;
  const args: readonly unknown[] = argument;
  const next = depth + 1;
  const value = (index: number): ExpressionValue => evaluate(args[index], evaluation, next);

  switch (operator) {
    case '==':
      return args.length === 2 ? valuesEqual(value(0), value(1)) : null;
    case '!=':
      return args.length === 2 ? !valuesEqual(value(0), value(1)) : null;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compareChain(operator, args, evaluation, next);
    case 'and':
      for (const arg of args) if (!isTruthy(evaluate(arg, evaluation, next))) return false;
      return true;
    case 'or':
      for (const arg of args) if (isTruthy(evaluate(arg, evaluation, next))) return true;
      return false;
    case 'not':
      return args.length === 1 ? !isTruthy(value(0)) : null;
    case 'in':
      return args.length === 2 ? contains(value(1), value(0)) : null;
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmetic(operator, args.map((_, index) => value(index)));
    case 'if':
      return conditional(args, evaluation, next);
    case 'empty':
      return args.length === 1 ? isEmptyValue(value(0)) : null;
    case 'count': {
      if (args.length !== 1) return null;
      const counted = value(0);
      if (counted === null) return 0;
      return Array.isArray(counted) ? counted.length : null;
    }
    case 'length': {
      if (args.length !== 1) return null;
      const text = value(0);
      if (text === null) return 0;
      return typeof text === 'string' ? [...text].length : null;
    }
    case 'today':
      return args.length === 0 && parseIsoDate(evaluation.scope.today) ? evaluation.scope.today : null;
    case 'age': {
      // [date] or [date, onDate]: whole years from date to today (or to onDate).
      if (args.length !== 1 && args.length !== 2) return null;
      const from = parseIsoDate(value(0));
      const to = parseIsoDate(args.length === 2 ? value(1) : evaluation.scope.today);
      return from && to ? wholeYearsBetween(from, to) : null;
    }
    case 'daysBetween': {
      if (args.length !== 2) return null;
      const from = parseIsoDate(value(0));
      const to = parseIsoDate(value(1));
      return from && to ? dayNumber(to) - dayNumber(from) : null;
    }
    default:
      return null;
  }
}

/**
 * {"var": "x"} reads the item's own field first (inside a repeat group), then the form's; "a.b"
 * reads part b of an address a. Only own properties count, so "constructor" or "__proto__" never
 * reach Object.prototype. Unanswered and blank values read as null.
 */
function readVariable(name: string, scope: ExpressionScope): ExpressionValue {
  if (name.length === 0 || name.length > 100) return null;
  const dot = name.indexOf('.');
  const head = dot === -1 ? name : name.slice(0, dot);
  let current: unknown;
  if (scope.item && isRecord(scope.item) && Object.hasOwn(scope.item, head) && scope.item[head] !== undefined) {
    current = scope.item[head];
  } else if (isRecord(scope.answers) && Object.hasOwn(scope.answers, head)) {
    current = scope.answers[head];
  }
  if (dot !== -1) {
    for (const part of name.slice(dot + 1).split('.')) {
      if (!isRecord(current) || Array.isArray(current) || !Object.hasOwn(current, part)) return null;
      current = current[part];
    }
  }
  return asValue(current);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asValue(value: unknown): ExpressionValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'object') return value as AnswerValue;
  return null;
}

/** A finite number from a number or a numeric string ("12", "-3.5", "12,5"); otherwise null. */
function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.length <= 40 && /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)\s*$/.test(value)) {
    const parsed = Number(value.trim().replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Equality without JavaScript's surprises: 5 == "5", arrays by element, null only equals null. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (typeof a === typeof b && typeof a !== 'object') return a === b;
  if ((typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number')) {
    const left = toNumber(a);
    const right = toNumber(b);
    return left !== null && right !== null && left === right;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((element, index) => valuesEqual(element, b[index]));
  }
  return a === b;
}

/**
 * Numbers compare as numbers (numeric strings included); other strings by code unit, which orders
 * YYYY-MM-DD dates correctly. Anything with null, booleans or objects is false. With three or more
 * arguments every neighbouring pair must hold ({"<": [0, x, 10]}).
 */
function compareChain(operator: '<' | '<=' | '>' | '>=', args: readonly unknown[], evaluation: Evaluation, depth: number): boolean | null {
  if (args.length < 2) return null;
  let left = evaluate(args[0], evaluation, depth);
  for (let index = 1; index < args.length; index += 1) {
    const right = evaluate(args[index], evaluation, depth);
    const order = compareValues(left, right);
    if (order === null) return false;
    const holds = operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
    if (!holds) return false;
    left = right;
  }
  return true;
}

function compareValues(a: ExpressionValue, b: ExpressionValue): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') {
    const left = toNumber(a);
    const right = toNumber(b);
    if (left !== null && right !== null) return left - right;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const left = toNumber(a);
    const right = toNumber(b);
    return left !== null && right !== null ? left - right : null;
  }
  return null;
}

/** [needle, haystack]: an element of an array (a multiple choice) or a substring of a string. */
function contains(haystack: ExpressionValue, needle: ExpressionValue): boolean {
  if (needle === null || haystack === null) return false;
  if (Array.isArray(haystack)) return (haystack as unknown[]).some((element) => valuesEqual(element, needle));
  if (typeof haystack === 'string') {
    if (typeof needle === 'string') return haystack.includes(needle);
    if (typeof needle === 'number') return haystack.includes(String(needle));
  }
  return false;
}

function arithmetic(operator: '+' | '-' | '*' | '/', values: readonly ExpressionValue[]): number | null {
  const numbers: number[] = [];
  for (const value of values) {
    const number = toNumber(value);
    if (number === null) return null;
    numbers.push(number);
  }
  let result: number;
  switch (operator) {
    case '+':
      result = numbers.reduce((sum, number) => sum + number, 0);
      break;
    case '*':
      result = numbers.reduce((product, number) => product * number, 1);
      break;
    case '-':
      if (numbers.length === 1) result = -(numbers[0] as number);
      else if (numbers.length === 2) result = (numbers[0] as number) - (numbers[1] as number);
      else return null;
      break;
    case '/':
      if (numbers.length !== 2 || numbers[1] === 0) return null;
      result = (numbers[0] as number) / (numbers[1] as number);
      break;
  }
  return Number.isFinite(result) ? result : null;
}

/** [c1, v1, c2, v2, ..., else]: the value after the first true condition; only that branch is evaluated. */
function conditional(args: readonly unknown[], evaluation: Evaluation, depth: number): ExpressionValue {
  let index = 0;
  for (; index + 1 < args.length; index += 2) {
    if (isTruthy(evaluate(args[index], evaluation, depth))) return evaluate(args[index + 1], evaluation, depth);
  }
  return index < args.length ? evaluate(args[index], evaluation, depth) : null;
}

/**
 * The field ids an expression reads ({"var": "a.b"} reads a), for the engine's dependency analysis
 * and the content check. Depth counts operators as the evaluator does (an argument list is not a
 * level of its own), so every variable the evaluator can reach is found.
 */
export function referencedVariables(expression: unknown, into: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > MAX_EXPRESSION_DEPTH || typeof expression !== 'object' || expression === null) return into;
  if (Array.isArray(expression)) {
    for (const element of expression as unknown[]) referencedVariables(element, into, depth);
    return into;
  }
  for (const [key, value] of Object.entries(expression)) {
    if (key === 'var' && typeof value === 'string') into.add(value.split('.')[0] ?? value);
    else referencedVariables(value, into, depth + 1);
  }
  return into;
}
