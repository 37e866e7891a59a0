import { describe, expect, it } from 'vitest';
import { evaluateExpression, isTruthy, type ExpressionScope } from '../../../../src/shared/forms/expression.js';
import { expressionSchema, type Expression } from '../../../../src/shared/forms/form-schema.js';

const scope: ExpressionScope = {
  today: '2026-03-15',
  answers: {
    name: 'Айбек',
    blank: '   ',
    count: 3,
    price: '12,5',
    married: true,
    birthDate: '1985-04-12',
    badDate: '2023-02-31',
    documents: ['birth-certificate', 'passport'],
    noDocuments: [],
    address: { region: 'KG-GB', district: 'Свердловский', locality: 'Бишкек', street: 'Чүй проспекти', house: '227' },
    children: [
      { childName: 'Асель', childBirthDate: '2015-06-01' },
      { childName: 'Нурлан', childBirthDate: '2019-01-20' },
    ],
    shared: 'form',
  },
};

const evaluate = (expression: Expression, within: ExpressionScope = scope): ReturnType<typeof evaluateExpression> =>
  evaluateExpression(expression, within);

describe('literals and variables', () => {
  it('returns literals as they are', () => {
    expect(evaluate('text')).toBe('text');
    expect(evaluate(5)).toBe(5);
    expect(evaluate(false)).toBe(false);
    expect(evaluate(null)).toBeNull();
  });

  it('reads answers, with unknown and blank answers as null', () => {
    expect(evaluate({ var: 'name' })).toBe('Айбек');
    expect(evaluate({ var: 'missing' })).toBeNull();
    expect(evaluate({ var: 'blank' })).toBeNull();
    expect(evaluate({ var: 'documents' })).toEqual(['birth-certificate', 'passport']);
  });

  it('reads a part of an address with "a.b"', () => {
    expect(evaluate({ var: 'address.region' })).toBe('KG-GB');
    expect(evaluate({ var: 'address.flat' })).toBeNull();
    expect(evaluate({ var: 'name.length' })).toBeNull();
    expect(evaluate({ var: 'missing.region' })).toBeNull();
  });

  it('reads the repeat item first, then the form', () => {
    const itemScope: ExpressionScope = { ...scope, item: { childName: 'Асель', shared: 'item' } };
    expect(evaluate({ var: 'childName' }, itemScope)).toBe('Асель');
    expect(evaluate({ var: 'shared' }, itemScope)).toBe('item');
    expect(evaluate({ var: 'name' }, itemScope)).toBe('Айбек');
  });

  it('never reads inherited properties such as constructor or __proto__', () => {
    expect(evaluate({ var: 'constructor' })).toBeNull();
    expect(evaluate({ var: 'toString' })).toBeNull();
    expect(evaluate({ var: 'address.constructor' })).toBeNull();
    expect(evaluateExpression(JSON.parse('{"var":"__proto__"}') as Expression, scope)).toBeNull();
  });
});

describe('comparisons', () => {
  it('compares equal values, numbers with numeric strings, and null only with null', () => {
    expect(evaluate({ '==': [{ var: 'name' }, 'Айбек'] })).toBe(true);
    expect(evaluate({ '==': [{ var: 'count' }, '3'] })).toBe(true);
    expect(evaluate({ '==': [{ var: 'price' }, 12.5] })).toBe(true);
    expect(evaluate({ '==': [{ var: 'married' }, 'true'] })).toBe(false);
    expect(evaluate({ '==': [{ var: 'missing' }, null] })).toBe(true);
    expect(evaluate({ '!=': [{ var: 'missing' }, null] })).toBe(false);
    expect(evaluate({ '==': [{ var: 'missing' }, 0] })).toBe(false);
    expect(evaluate({ '!=': [{ var: 'missing' }, 0] })).toBe(true);
    expect(evaluate({ '==': [0, false] })).toBe(false);
    expect(evaluate({ '==': [{ var: 'documents' }, { var: 'documents' }] })).toBe(true);
  });

  it('orders numbers and ISO dates; anything with null is false', () => {
    expect(evaluate({ '<': [{ var: 'count' }, 10] })).toBe(true);
    expect(evaluate({ '>=': [{ var: 'count' }, 3] })).toBe(true);
    expect(evaluate({ '>': [{ var: 'count' }, 3] })).toBe(false);
    expect(evaluate({ '<=': ['9', '10'] })).toBe(true);
    expect(evaluate({ '<': [{ var: 'birthDate' }, '2000-01-01'] })).toBe(true);
    expect(evaluate({ '>': [{ var: 'birthDate' }, { today: [] }] })).toBe(false);
    expect(evaluate({ '<': [{ var: 'missing' }, 10] })).toBe(false);
    expect(evaluate({ '>=': [{ var: 'missing' }, 10] })).toBe(false);
    expect(evaluate({ '<': [null, null] })).toBe(false);
    expect(evaluate({ '<': [{ var: 'married' }, 2] })).toBe(false);
    expect(evaluate({ '<': ['abc', 2] })).toBe(false);
  });

  it('chains comparisons between bounds', () => {
    expect(evaluate({ '<': [0, { var: 'count' }, 10] })).toBe(true);
    expect(evaluate({ '<': [0, { var: 'count' }, 2] })).toBe(false);
  });
});

describe('logic', () => {
  it('short-circuits and/or', () => {
    // The second argument would be null if evaluated; short-circuiting means it never matters.
    expect(evaluate({ and: [false, { var: 'name' }] })).toBe(false);
    expect(evaluate({ and: [true, { var: 'name' }] })).toBe(true);
    expect(evaluate({ and: [true, { var: 'missing' }] })).toBe(false);
    expect(evaluate({ or: [true, { var: 'missing' }] })).toBe(true);
    expect(evaluate({ or: [false, { var: 'blank' }] })).toBe(false);
    expect(evaluate({ and: [] })).toBe(true);
    expect(evaluate({ or: [] })).toBe(false);
  });

  it('negates truthiness', () => {
    expect(evaluate({ not: [{ var: 'missing' }] })).toBe(true);
    expect(evaluate({ not: [{ var: 'noDocuments' }] })).toBe(true);
    expect(evaluate({ not: [0] })).toBe(true);
    expect(evaluate({ not: [{ var: 'address' }] })).toBe(false);
    expect(isTruthy(' ')).toBe(false);
    expect(isTruthy(Number.NaN)).toBe(false);
  });

  it('chooses with if, including chains and a missing else', () => {
    expect(evaluate({ if: [{ var: 'married' }, 'yes', 'no'] })).toBe('yes');
    expect(evaluate({ if: [{ var: 'missing' }, 'yes', 'no'] })).toBe('no');
    const fee = (urgency: string): unknown =>
      evaluate(
        { if: [{ '==': [{ var: 'urgency' }, 'normal'] }, 510, { '==': [{ var: 'urgency' }, 'urgent-8'] }, 1300, { '==': [{ var: 'urgency' }, 'urgent-4'] }, 1640, 1865] },
        { ...scope, answers: { urgency } },
      );
    expect(fee('normal')).toBe(510);
    expect(fee('urgent-8')).toBe(1300);
    expect(fee('urgent-4')).toBe(1640);
    expect(fee('urgent-2')).toBe(1865);
    expect(evaluate({ if: [false, 1] })).toBeNull();
    expect(evaluate({ if: [] })).toBeNull();
  });

  it('does not evaluate the branch not taken', () => {
    // A deep, expensive branch that is not taken costs nothing and cannot affect the result.
    let deep: Expression = 1;
    for (let level = 0; level < 100; level += 1) deep = { '+': [deep, 1] };
    expect(evaluate({ if: [true, 'cheap', deep] })).toBe('cheap');
  });
});

describe('in, empty, count and length', () => {
  it('finds a choice in a multiple-choice answer, or a substring in text', () => {
    expect(evaluate({ in: ['passport', { var: 'documents' }] })).toBe(true);
    expect(evaluate({ in: ['diploma', { var: 'documents' }] })).toBe(false);
    expect(evaluate({ in: ['йбе', { var: 'name' }] })).toBe(true);
    expect(evaluate({ in: [{ var: 'missing' }, { var: 'documents' }] })).toBe(false);
    expect(evaluate({ in: ['passport', { var: 'missing' }] })).toBe(false);
    expect(evaluate({ in: [3, { var: 'count' }] })).toBe(false);
  });

  it('tells empty answers: null, empty or blank text, no choices', () => {
    expect(evaluate({ empty: [{ var: 'missing' }] })).toBe(true);
    expect(evaluate({ empty: [''] })).toBe(true);
    expect(evaluate({ empty: ['  '] })).toBe(true);
    expect(evaluate({ empty: [{ var: 'noDocuments' }] })).toBe(true);
    expect(evaluate({ empty: [{ var: 'name' }] })).toBe(false);
    expect(evaluate({ empty: [0] })).toBe(false);
  });

  it('counts repeat items and choices, 0 for nothing', () => {
    expect(evaluate({ count: [{ var: 'children' }] })).toBe(2);
    expect(evaluate({ count: [{ var: 'documents' }] })).toBe(2);
    expect(evaluate({ count: [{ var: 'missing' }] })).toBe(0);
    expect(evaluate({ count: [{ var: 'name' }] })).toBeNull();
  });

  it('measures text in characters', () => {
    expect(evaluate({ length: [{ var: 'name' }] })).toBe(5);
    expect(evaluate({ length: ['ң😀'] })).toBe(2);
    expect(evaluate({ length: [{ var: 'missing' }] })).toBe(0);
    expect(evaluate({ length: [{ var: 'count' }] })).toBeNull();
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies and divides numbers and numeric answers', () => {
    expect(evaluate({ '+': [{ var: 'count' }, 2, '1'] })).toBe(6);
    expect(evaluate({ '-': [10, { var: 'count' }] })).toBe(7);
    expect(evaluate({ '-': [{ var: 'count' }] })).toBe(-3);
    expect(evaluate({ '*': [{ var: 'price' }, 2] })).toBe(25);
    expect(evaluate({ '/': [{ var: 'count' }, 2] })).toBe(1.5);
  });

  it('yields null when a value is not a number, or on division by zero', () => {
    expect(evaluate({ '+': [{ var: 'missing' }, 1] })).toBeNull();
    expect(evaluate({ '+': [{ var: 'name' }, 1] })).toBeNull();
    expect(evaluate({ '*': [{ var: 'married' }, 1] })).toBeNull();
    expect(evaluate({ '/': [1, 0] })).toBeNull();
    expect(evaluate({ '/': [1, { var: 'missing' }] })).toBeNull();
    expect(evaluate({ '*': [1e308, 10] })).toBeNull();
    expect(evaluate({ '-': [1, 2, 3] })).toBeNull();
  });
});

describe('dates', () => {
  it('gives today', () => {
    expect(evaluate({ today: [] })).toBe('2026-03-15');
    expect(evaluate({ today: [] }, { ...scope, today: 'yesterday' })).toBeNull();
  });

  it('computes whole years of age, to today or to another date', () => {
    expect(evaluate({ age: [{ var: 'birthDate' }] })).toBe(40);
    expect(evaluate({ age: ['2008-03-15'] })).toBe(18);
    expect(evaluate({ age: ['2008-03-16'] })).toBe(17);
    expect(evaluate({ age: [{ var: 'birthDate' }, '2003-04-12'] })).toBe(18);
    expect(evaluate({ '>=': [{ age: [{ var: 'birthDate' }] }, 18] })).toBe(true);
  });

  it('counts days between two dates, b - a', () => {
    expect(evaluate({ daysBetween: ['2026-03-01', { today: [] }] })).toBe(14);
    expect(evaluate({ daysBetween: [{ today: [] }, '2026-03-01'] })).toBe(-14);
    expect(evaluate({ daysBetween: ['2024-02-28', '2024-03-01'] })).toBe(2);
    expect(evaluate({ daysBetween: ['2025-12-31', '2026-01-01'] })).toBe(1);
  });

  it('yields null for invalid dates', () => {
    expect(evaluate({ age: [{ var: 'badDate' }] })).toBeNull();
    expect(evaluate({ age: [{ var: 'missing' }] })).toBeNull();
    expect(evaluate({ age: [12] })).toBeNull();
    expect(evaluate({ daysBetween: ['2023-02-31', '2023-03-01'] })).toBeNull();
    expect(evaluate({ daysBetween: ['15.03.2026', '2026-03-16'] })).toBeNull();
  });
});

describe('robustness', () => {
  const junk: unknown[] = [
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    [],
    [1, 2],
    {},
    { var: 5 },
    { var: 'a', '==': [1, 1] },
    { '==': 'not-a-list' },
    { '==': [1] },
    { unknownOperator: [1] },
    { age: [] },
    { today: [1] },
    { not: [] },
    { __proto__: [1] },
    JSON.parse('{"__proto__":[1]}'),
    { constructor: [1] },
    { toString: [] },
    { '+': [{ var: 'address' }, 1] },
    { in: [{ var: 'address' }, { var: 'address' }] },
    { '<': [{ var: 'documents' }, { var: 'children' }] },
    () => 1,
    Symbol('x'),
    10n,
  ];

  it('never throws on junk and answers null or a boolean', () => {
    junk.forEach((expression, position) => {
      const result = evaluateExpression(expression as Expression, scope);
      expect(result === null || typeof result === 'boolean', `junk #${position}`).toBe(true);
    });
  });

  it('never throws on junk answers', () => {
    const junkScope = { today: 'not-a-date', answers: { a: { deep: { deeper: [1, { x: null }] } }, b: Number.NaN }, item: null } as unknown as ExpressionScope;
    expect(evaluateExpression({ '+': [{ var: 'a' }, { var: 'b' }] }, junkScope)).toBeNull();
    expect(evaluateExpression({ var: 'a.deep' }, junkScope)).toEqual({ deeper: [1, { x: null }] });
    expect(evaluateExpression({ var: 'b' }, junkScope)).toBeNull();
    expect(evaluateExpression({ age: [{ var: 'a' }] }, junkScope)).toBeNull();
  });

  it('stops at the depth limit instead of recursing without end', () => {
    const cyclic: Record<string, unknown[]> = { not: [] };
    cyclic.not?.push(cyclic);
    expect(() => evaluateExpression(cyclic as unknown as Expression, scope)).not.toThrow();

    let deep: Expression = true;
    for (let level = 0; level < 10_000; level += 1) deep = { not: [deep] };
    expect(() => evaluateExpression(deep, scope)).not.toThrow();

    let shallow: Expression = true;
    for (let level = 0; level < 10; level += 1) shallow = { not: [shallow] };
    expect(evaluateExpression(shallow, scope)).toBe(true);
  });

  it('stops when shared sub-expressions would make the work explode', () => {
    // 20 references to the same node per level: 20^5 = 3,200,000 visits (a sum of 3200000) without
    // the step budget, and 20^30 at the depth limit; the budget gives up after 10,000.
    let shared: Expression = 1;
    for (let level = 0; level < 5; level += 1) shared = { '+': Array.from({ length: 20 }, () => shared) };
    expect(evaluateExpression(shared, scope)).toBeNull();
    for (let level = 5; level < 30; level += 1) shared = { '+': Array.from({ length: 20 }, () => shared) };
    expect(evaluateExpression(shared, scope)).toBeNull();
    // Small shared trees are fine: 20^2 visits.
    let small: Expression = 1;
    for (let level = 0; level < 2; level += 1) small = { '+': Array.from({ length: 20 }, () => small) };
    expect(evaluateExpression(small, scope)).toBe(400);
  });

  it('evaluates whatever the schema admits', () => {
    const parsed = expressionSchema.parse({ and: [{ '>=': [{ age: [{ var: 'birthDate' }] }, 18] }, { in: ['passport', { var: 'documents' }] }] });
    expect(evaluateExpression(parsed, scope)).toBe(true);
  });
});
