import { afterEach, describe, expect, it } from 'vitest';
import {
  evaluateForm,
  pageIssues,
  validateSubmission,
  type EvaluationContext,
  type FieldIssue,
  type SubmissionCheck,
} from '../../../../src/shared/forms/form-engine.js';
import { formDefinitionSchema, type Answers, type FormDefinition } from '../../../../src/shared/forms/form-schema.js';
import { shownMessage } from './issue-text.js';

const CONTEXT: EvaluationContext = { today: '2026-03-15' };

const text = (en: string): { ky: string; ru: string; en: string } => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, en });
const form = (definition: unknown): FormDefinition => formDefinitionSchema.parse(definition);

const codes = (issues: readonly FieldIssue[]): string[] => issues.map((issue) => `${issue.path}:${issue.code}`);
const errorsOf = (check: SubmissionCheck): string[] => (check.ok ? [] : codes(check.issues));
function acceptedAnswers(check: SubmissionCheck): Answers {
  if (!check.ok) throw new Error(`refused: ${codes(check.issues).join(', ')}`);
  return check.answers;
}

/** Birth registration: the child, the mother, and the father only when he is known. */
const birthRegistration = form({
  id: 'birth-registration',
  version: 1,
  title: text('Birth registration'),
  pages: [
    {
      id: 'child',
      title: text('The child'),
      fields: [
        { id: 'childName', type: 'text', label: text("Child's name"), required: true, script: 'cyrillic', minLength: 2 },
        { id: 'childBirthDate', type: 'date', label: text("Child's birth date"), required: true, notInFuture: true },
      ],
    },
    { id: 'mother-pin', fields: [{ id: 'motherPin', type: 'pin', label: text("Mother's PIN"), required: true, birthDateField: 'motherBirthDate' }] },
    {
      id: 'mother-birth-date',
      fields: [
        {
          id: 'motherBirthDate',
          type: 'date',
          label: text("Mother's birth date"),
          required: true,
          notInFuture: true,
          constraints: [
            {
              // Until the child's birth date is given there is nothing to compare with.
              rule: { or: [{ empty: [{ var: 'childBirthDate' }] }, { '<': [{ var: 'motherBirthDate' }, { var: 'childBirthDate' }] }] },
              message: text('The mother is born before the child'),
            },
          ],
        },
      ],
    },
    { id: 'father-known', fields: [{ id: 'fatherKnown', type: 'yesNo', label: text('Is the father known?'), required: true }] },
    {
      id: 'father-pin',
      relevant: { '==': [{ var: 'fatherKnown' }, true] },
      fields: [{ id: 'fatherPin', type: 'pin', label: text("Father's PIN"), required: true }],
    },
    {
      id: 'contact',
      fields: [
        { id: 'phone', type: 'phone', label: text('Phone') },
        // Somebody must be reachable: e-mail is required only when no phone is given.
        { id: 'email', type: 'email', label: text('E-mail'), required: { empty: [{ var: 'phone' }] } },
      ],
    },
  ],
});

const goodBirth = (): Record<string, unknown> => ({
  childName: 'Айсулуу',
  childBirthDate: '2026-03-01',
  motherPin: '11204198500012',
  motherBirthDate: '1985-04-12',
  fatherKnown: false,
  phone: '0700 123 456',
});

/** An ID card application: urgency and its fee, the old card, the address and the applicant's children. */
const idCard = form({
  id: 'id-card',
  version: 3,
  title: text('ID card'),
  pages: [
    {
      id: 'urgency',
      fields: [
        {
          id: 'urgency',
          type: 'singleChoice',
          label: text('How soon?'),
          required: true,
          options: [
            { value: 'normal', label: text('12 working days') },
            { value: 'urgent-8', label: text('8 working days') },
            { value: 'urgent-4', label: text('4 working days') },
          ],
        },
        {
          id: 'fee',
          type: 'calculated',
          label: text('Fee'),
          format: 'som',
          expression: { if: [{ '==': [{ var: 'urgency' }, 'normal'] }, 510, { '==': [{ var: 'urgency' }, 'urgent-8'] }, 1300, { '==': [{ var: 'urgency' }, 'urgent-4'] }, 1640, null] },
        },
      ],
    },
    { id: 'old-card', fields: [{ id: 'oldCard', type: 'documentNumber', label: text('Old card'), documentKinds: ['id-card', 'id-card-legacy'], required: true }] },
    {
      id: 'address',
      fields: [
        { id: 'address', type: 'address', label: text('Address'), required: true },
        { id: 'postalCode', type: 'postalCode', label: text('Postal code') },
        { id: 'previousAddress', type: 'address', label: text('Previous address') },
      ],
    },
    {
      id: 'children',
      fields: [
        {
          id: 'children',
          type: 'repeatGroup',
          label: text('Your children'),
          itemLabel: text('Child'),
          required: true,
          minItems: 1,
          maxItems: 5,
          fields: [
            { id: 'name', type: 'text', label: text('Name'), required: true, script: 'cyrillic' },
            { id: 'birthDate', type: 'date', label: text('Birth date'), required: true, notInFuture: true },
            // Children from 16 have a PIN card of their own; younger ones are entered with their PIN.
            { id: 'pin', type: 'pin', label: text('PIN'), required: true, birthDateField: 'birthDate', relevant: { '<': [{ age: [{ var: 'birthDate' }] }, 16] } },
            { id: 'ageNow', type: 'calculated', label: text('Age'), format: 'number', expression: { age: [{ var: 'birthDate' }] } },
          ],
        },
      ],
    },
    {
      id: 'extras',
      fields: [
        { id: 'documents', type: 'multipleChoice', label: text('Documents'), minSelected: 1, maxSelected: 2, options: [
          { value: 'birth-certificate', label: text('Birth certificate') },
          { value: 'marriage-certificate', label: text('Marriage certificate') },
          { value: 'old-passport', label: text('Old passport') },
        ] },
        { id: 'height', type: 'number', label: text('Height, cm'), min: 50, max: 250, integer: true },
        { id: 'latinName', type: 'text', label: text('Name in Latin letters'), script: 'latin', maxLength: 40 },
        { id: 'reference', type: 'text', label: text('Reference'), pattern: { regex: '[A-Z]{2}-\\d{4}', message: text('Two capitals, a hyphen and four digits, like AB-1234') } },
        { id: 'comment', type: 'longText', label: text('Comment') },
        { id: 'validUntil', type: 'date', label: text('Valid until'), notInPast: true },
      ],
    },
  ],
});

const child = (name: string, birthDate: string, pin?: string): Record<string, unknown> => ({ name, birthDate, ...(pin ? { pin } : {}) });

const goodIdCard = (): Record<string, unknown> => ({
  urgency: 'urgent-8',
  oldCard: 'ID1234567',
  address: { region: 'KG-GB', district: 'Свердловский', locality: 'Бишкек', street: 'Чүй проспекти', house: '227' },
  children: [child('Асель', '2015-06-01', '10106201500012')],
});

describe('relevance', () => {
  it('hides the father page while the father is unknown', () => {
    const state = evaluateForm(birthRegistration, goodBirth() as Answers, CONTEXT);
    expect(state.visiblePageIds).toEqual(['child', 'mother-pin', 'mother-birth-date', 'father-known', 'contact']);
    expect(state.visibleFieldPaths).not.toContain('fatherPin');
    expect(state.required).not.toHaveProperty('fatherPin');
    expect(state.issues).toEqual([]);
  });

  it('shows the father page, and requires his PIN, once the father is known', () => {
    const state = evaluateForm(birthRegistration, { ...goodBirth(), fatherKnown: true }, CONTEXT);
    expect(state.visiblePageIds).toContain('father-pin');
    expect(state.visibleFieldPaths).toContain('fatherPin');
    expect(state.required.fatherPin).toBe(true);
    expect(codes(state.issues)).toEqual(['fatherPin:REQUIRED']);
  });

  it('ignores and drops the answer of a hidden field, even an invalid one', () => {
    const check = validateSubmission(birthRegistration, { ...goodBirth(), fatherKnown: false, fatherPin: 'not a pin' }, CONTEXT);
    expect(acceptedAnswers(check)).not.toHaveProperty('fatherPin');

    const shown = validateSubmission(birthRegistration, { ...goodBirth(), fatherKnown: true, fatherPin: '2 0101 1980 00034' }, CONTEXT);
    expect(acceptedAnswers(shown).fatherPin).toBe('20101198000034');
  });

  it('treats a hidden field as unanswered in the rules of later fields', () => {
    const chained = form({
      id: 'chained',
      version: 1,
      title: text('Chained'),
      pages: [
        { id: 'a', fields: [{ id: 'hasCar', type: 'yesNo', label: text('Car?') }] },
        { id: 'b', relevant: { var: 'hasCar' }, fields: [{ id: 'carColour', type: 'text', label: text('Colour') }] },
        { id: 'c', relevant: { '==': [{ var: 'carColour' }, 'red'] }, fields: [{ id: 'redReason', type: 'text', label: text('Why red?') }] },
      ],
    });
    expect(evaluateForm(chained, { hasCar: true, carColour: 'red' }, CONTEXT).visiblePageIds).toEqual(['a', 'b', 'c']);
    // carColour is still in the answers, but hidden: the page that depends on it hides too.
    expect(evaluateForm(chained, { hasCar: false, carColour: 'red' }, CONTEXT).visiblePageIds).toEqual(['a']);
  });

  it('settles rules that read fields later in the form', () => {
    const forward = form({
      id: 'forward',
      version: 1,
      title: text('Forward'),
      pages: [
        {
          id: 'only',
          fields: [
            { id: 'note', type: 'text', label: text('Note'), relevant: { '==': [{ var: 'kind' }, 'other'] } },
            { id: 'kind', type: 'singleChoice', label: text('Kind'), options: [{ value: 'usual', label: text('Usual') }, { value: 'other', label: text('Other') }] },
            { id: 'total', type: 'calculated', label: text('Total'), format: 'number', expression: { '+': [{ var: 'late' }, 1] } },
            { id: 'late', type: 'calculated', label: text('Late'), format: 'number', expression: 41 },
          ],
        },
      ],
    });
    const other = evaluateForm(forward, { kind: 'other', note: 'x' }, CONTEXT);
    expect(other.visibleFieldPaths).toEqual(['note', 'kind', 'total', 'late']);
    expect(other.calculated).toEqual({ total: 42, late: 41 });
    expect(evaluateForm(forward, { kind: 'usual', note: 'x' }, CONTEXT).visibleFieldPaths).toEqual(['kind', 'total', 'late']);
  });

  it('leaves out a page whose fields are all hidden', () => {
    const allHidden = form({
      id: 'all-hidden',
      version: 1,
      title: text('All hidden'),
      pages: [
        { id: 'a', fields: [{ id: 'show', type: 'yesNo', label: text('Show?') }] },
        { id: 'b', fields: [{ id: 'detail', type: 'text', label: text('Detail'), required: true, relevant: { var: 'show' } }] },
      ],
    });
    expect(evaluateForm(allHidden, { show: false }, CONTEXT).visiblePageIds).toEqual(['a']);
    expect(evaluateForm(allHidden, { show: true }, CONTEXT).visiblePageIds).toEqual(['a', 'b']);
  });
});

describe('required', () => {
  it('reports every unanswered required field, and nothing for optional ones', () => {
    const state = evaluateForm(birthRegistration, { phone: '0700123456' }, CONTEXT);
    expect(codes(state.issues)).toEqual([
      'childName:REQUIRED',
      'childBirthDate:REQUIRED',
      'motherPin:REQUIRED',
      'motherBirthDate:REQUIRED',
      'fatherKnown:REQUIRED',
    ]);
  });

  it('counts blank text, empty choices and nulls as unanswered', () => {
    const state = evaluateForm(birthRegistration, { ...goodBirth(), childName: ' \u00a0 \n', motherPin: '', childBirthDate: null }, CONTEXT);
    expect(codes(state.issues)).toEqual(['childName:REQUIRED', 'childBirthDate:REQUIRED', 'motherPin:REQUIRED']);
  });

  it('evaluates required as an expression: e-mail only when there is no phone', () => {
    const withPhone = evaluateForm(birthRegistration, goodBirth() as Answers, CONTEXT);
    expect(withPhone.required.email).toBe(false);
    const withoutPhone = evaluateForm(birthRegistration, { ...goodBirth(), phone: '' }, CONTEXT);
    expect(withoutPhone.required.email).toBe(true);
    expect(codes(withoutPhone.issues)).toEqual(['email:REQUIRED']);
    expect(acceptedAnswers(validateSubmission(birthRegistration, { ...goodBirth(), phone: '', email: ' aibek@Mail.KG ' }, CONTEXT)).email).toBe('aibek@mail.kg');
  });

  it('gives each issue its page, field and a message in every language', () => {
    const [issue] = pageIssues(birthRegistration, 'child', { childName: 'А' }, CONTEXT);
    expect(issue).toMatchObject({ path: 'childName', fieldId: 'childName', pageId: 'child', code: 'TOO_SHORT', severity: 'error' });
    expect(shownMessage(issue).ru).toBe('Введите не менее 2 символов.');
    expect(shownMessage(issue).ky.length).toBeGreaterThan(0);
    expect(shownMessage(issue).en).toBe('Enter at least 2 characters.');
  });
});

describe('pageIssues', () => {
  it('returns only the issues of that page, for its Continue button', () => {
    const answers = { childName: 'Айсулуу', childBirthDate: '2026-03-01', motherPin: '123' };
    expect(codes(pageIssues(birthRegistration, 'child', answers, CONTEXT))).toEqual([]);
    expect(codes(pageIssues(birthRegistration, 'mother-pin', answers, CONTEXT))).toEqual(['motherPin:INVALID_PIN']);
    expect(codes(pageIssues(birthRegistration, 'father-known', answers, CONTEXT))).toEqual(['fatherKnown:REQUIRED']);
    expect(pageIssues(birthRegistration, 'father-pin', answers, CONTEXT)).toEqual([]);
    expect(pageIssues(birthRegistration, 'no-such-page', answers, CONTEXT)).toEqual([]);
  });
});

describe('PIN', () => {
  it('refuses a PIN with 31 February in it', () => {
    const check = validateSubmission(birthRegistration, { ...goodBirth(), motherPin: '13102198500012' }, CONTEXT);
    expect(errorsOf(check)).toEqual(['motherPin:INVALID_PIN']);
  });

  it('refuses a PIN of 13 digits, one with letters, and one born in the future', () => {
    for (const motherPin of ['1120419850001', '112041985OOO12', '11603202600012']) {
      expect(errorsOf(validateSubmission(birthRegistration, { ...goodBirth(), motherPin }, CONTEXT)), motherPin).toEqual(['motherPin:INVALID_PIN']);
    }
  });

  it('warns, but does not block, when the PIN and the birth date disagree', () => {
    const answers = { ...goodBirth(), motherBirthDate: '1985-04-13' };
    const state = evaluateForm(birthRegistration, answers, CONTEXT);
    expect(state.issues).toHaveLength(1);
    expect(state.issues[0]).toMatchObject({ path: 'motherPin', code: 'PIN_BIRTH_DATE_MISMATCH', severity: 'warning' });
    expect(shownMessage(state.issues[0]).ru).toContain('12.04.1985');

    const check = validateSubmission(birthRegistration, answers, CONTEXT);
    expect(acceptedAnswers(check).motherPin).toBe('11204198500012');
  });

  it('does not compare with a birth date that is missing or invalid', () => {
    const missing = evaluateForm(birthRegistration, { ...goodBirth(), motherBirthDate: '' }, CONTEXT);
    expect(codes(missing.issues)).toEqual(['motherBirthDate:REQUIRED']);
    const invalid = evaluateForm(birthRegistration, { ...goodBirth(), motherBirthDate: '1985-02-30' }, CONTEXT);
    expect(codes(invalid.issues)).toEqual(['motherBirthDate:INVALID_DATE']);
  });
});

describe('constraints', () => {
  it('refuses a mother born after her child, with the content message', () => {
    const motherAfterChild = { ...goodBirth(), motherPin: '10503202600012', motherBirthDate: '2026-03-05' };
    const state = evaluateForm(birthRegistration, motherAfterChild, CONTEXT);
    expect(codes(state.issues)).toEqual(['motherBirthDate:CONSTRAINT']);
    expect(shownMessage(state.issues[0]).en).toBe('The mother is born before the child');
    expect(errorsOf(validateSubmission(birthRegistration, motherAfterChild, CONTEXT))).toEqual(['motherBirthDate:CONSTRAINT']);
    // The same day is not "before" either.
    expect(codes(evaluateForm(birthRegistration, { ...motherAfterChild, motherPin: '10103202600012', motherBirthDate: '2026-03-01' }, CONTEXT).issues)).toEqual([
      'motherBirthDate:CONSTRAINT',
    ]);
  });

  it('does not run constraints on an answer that is already malformed', () => {
    const state = evaluateForm(birthRegistration, { ...goodBirth(), motherBirthDate: '2030-01-01' }, CONTEXT);
    expect(codes(state.issues)).toEqual(['motherBirthDate:DATE_IN_FUTURE']);
  });
});

describe('calculated fields', () => {
  it('computes the fee from the chosen urgency', () => {
    expect(evaluateForm(idCard, { urgency: 'normal' }, CONTEXT).calculated.fee).toBe(510);
    expect(evaluateForm(idCard, { urgency: 'urgent-4' }, CONTEXT).calculated.fee).toBe(1640);
    expect(evaluateForm(idCard, {}, CONTEXT).calculated.fee).toBeNull();
  });

  it('recomputes the fee and ignores a forged one in the submission', () => {
    const check = validateSubmission(idCard, { ...goodIdCard(), urgency: 'urgent-4', fee: 1 }, CONTEXT);
    expect(acceptedAnswers(check).fee).toBe(1640);
    const forgedType = validateSubmission(idCard, { ...goodIdCard(), fee: { amount: 0 } }, CONTEXT);
    expect(acceptedAnswers(forgedType).fee).toBe(1300);
  });
});

describe('repeat groups', () => {
  it('requires at least one child, and no more than five', () => {
    expect(codes(evaluateForm(idCard, { ...goodIdCard(), children: [] }, CONTEXT).issues)).toEqual(['children:REQUIRED']);
    const six = Array.from({ length: 6 }, () => child('Асель', '2015-06-01', '10106201500012'));
    expect(codes(evaluateForm(idCard, { ...goodIdCard(), children: six } as Answers, CONTEXT).issues)).toEqual(['children:TOO_MANY_ITEMS']);
    const five = six.slice(0, 5);
    expect(acceptedAnswers(validateSubmission(idCard, { ...goodIdCard(), children: five }, CONTEXT)).children).toHaveLength(5);
  });

  it('counts, but does not examine, items beyond the maximum', () => {
    const flood = Array.from({ length: 100_000 }, () => ({ name: 1, extra: 'junk' }));
    const check = validateSubmission(idCard, { ...goodIdCard(), children: [...goodIdCard().children as unknown[], ...flood] }, CONTEXT);
    // The first five are examined (one good child, four junk ones); the rest only make the list too long.
    expect(errorsOf(check)).toHaveLength(1 + 4 * 3);
    expect(errorsOf(check)).toContain('children:TOO_MANY_ITEMS');
    expect(errorsOf(check)).toContain('children.4.name:WRONG_TYPE');
    expect(errorsOf(check)).not.toContain('children.5.name:WRONG_TYPE');
  });

  it('reports item errors at "group.index.field" paths', () => {
    const children = [
      child('Асель', '2015-06-01', '10106201500012'),
      child('Нурлан', '2019-13-01'),
      child('Nurlan', '2019-01-20', '20000000000000'),
    ];
    const state = evaluateForm(idCard, { ...goodIdCard(), children } as Answers, CONTEXT);
    expect(codes(state.issues)).toEqual(['children.1.birthDate:INVALID_DATE', 'children.2.name:WRONG_SCRIPT', 'children.2.pin:INVALID_PIN']);
    expect(state.issues[0]).toMatchObject({ fieldId: 'birthDate', pageId: 'children' });
    expect(state.required['children.0.name']).toBe(true);
  });

  it('evaluates item rules in the item: a PIN only for children under 16', () => {
    const children = [child('Асель', '2015-06-01', '10106201500012'), child('Бакыт', '2005-02-10')];
    const state = evaluateForm(idCard, { ...goodIdCard(), children } as Answers, CONTEXT);
    expect(state.visibleFieldPaths.filter((path) => path.startsWith('children'))).toEqual([
      'children',
      'children.0.name',
      'children.0.birthDate',
      'children.0.pin',
      'children.0.ageNow',
      'children.1.name',
      'children.1.birthDate',
      'children.1.ageNow',
    ]);
    expect(state.calculated['children.0.ageNow']).toBe(10);
    expect(state.calculated['children.1.ageNow']).toBe(21);
    expect(state.issues).toEqual([]);
    const accepted = acceptedAnswers(validateSubmission(idCard, { ...goodIdCard(), children: [...children, child('Бакыт', '2005-02-10', 'x')] }, CONTEXT));
    // The third child's PIN is hidden (21 years old): dropped, not refused.
    expect(accepted.children).toEqual([
      { name: 'Асель', birthDate: '2015-06-01', pin: '10106201500012', ageNow: 10 },
      { name: 'Бакыт', birthDate: '2005-02-10', ageNow: 21 },
      { name: 'Бакыт', birthDate: '2005-02-10', ageNow: 21 },
    ]);
  });

  it('warns about a child PIN that disagrees with the child birth date in the same item', () => {
    const state = evaluateForm(idCard, { ...goodIdCard(), children: [child('Асель', '2015-06-02', '10106201500012')] } as Answers, CONTEXT);
    expect(state.issues.map((issue) => [issue.path, issue.code, issue.severity])).toEqual([['children.0.pin', 'PIN_BIRTH_DATE_MISMATCH', 'warning']]);
  });

  it('refuses items that are not objects and keys that are not fields of the item', () => {
    expect(errorsOf(validateSubmission(idCard, { ...goodIdCard(), children: ['Асель'] }, CONTEXT))).toEqual(['children.0:WRONG_TYPE']);
    expect(errorsOf(validateSubmission(idCard, { ...goodIdCard(), children: 'Асель' }, CONTEXT))).toEqual(['children:WRONG_TYPE']);
    const extraKey = validateSubmission(idCard, { ...goodIdCard(), children: [{ ...child('Асель', '2015-06-01', '10106201500012'), nickname: 'Ася' }] }, CONTEXT);
    expect(errorsOf(extraKey)).toEqual(['children.0.nickname:UNKNOWN_FIELD']);
  });

  it('counts a group in the rules of the form', () => {
    const counted = form({
      id: 'counted',
      version: 1,
      title: text('Counted'),
      pages: [
        { id: 'kids', fields: [{ id: 'kids', type: 'repeatGroup', label: text('Kids'), itemLabel: text('Kid'), minItems: 0, maxItems: 20, fields: [{ id: 'kidName', type: 'text', label: text('Name') }] }] },
        { id: 'large-family', relevant: { '>=': [{ count: [{ var: 'kids' }] }, 3] }, fields: [{ id: 'benefit', type: 'yesNo', label: text('Benefit?') }] },
      ],
    });
    const kids = (n: number): Answers => ({ kids: Array.from({ length: n }, () => ({ kidName: 'Бала' })) });
    expect(evaluateForm(counted, kids(2), CONTEXT).visiblePageIds).toEqual(['kids']);
    expect(evaluateForm(counted, kids(3), CONTEXT).visiblePageIds).toEqual(['kids', 'large-family']);
    expect(evaluateForm(counted, {}, CONTEXT).issues).toEqual([]);
  });
});

describe('per-type checks', () => {
  const extras = (answers: Record<string, unknown>): string[] =>
    codes(evaluateForm(idCard, { ...goodIdCard(), ...answers } as Answers, CONTEXT).issues);

  it('checks choices: a known option, unique, within the limits', () => {
    expect(extras({ urgency: 'tomorrow' })).toEqual(['urgency:INVALID_OPTION']);
    expect(extras({ documents: ['diploma'] })).toEqual(['documents:INVALID_OPTION']);
    expect(extras({ documents: ['old-passport', 'old-passport'] })).toEqual(['documents:INVALID_OPTION']);
    expect(extras({ documents: ['old-passport', 'birth-certificate', 'marriage-certificate'] })).toEqual(['documents:TOO_MANY_SELECTED']);
    expect(extras({ documents: [] })).toEqual([]);
    const accepted = acceptedAnswers(validateSubmission(idCard, { ...goodIdCard(), documents: ['old-passport', 'birth-certificate'] }, CONTEXT));
    expect(accepted.documents).toEqual(['birth-certificate', 'old-passport']); // in the order the screen shows them
  });

  it('checks numbers, accepting a decimal comma and numeric text', () => {
    expect(extras({ height: '172' })).toEqual([]);
    expect(extras({ height: '172,5' })).toEqual(['height:NOT_INTEGER']);
    expect(extras({ height: 30 })).toEqual(['height:TOO_SMALL']);
    expect(extras({ height: '300' })).toEqual(['height:TOO_LARGE']);
    expect(extras({ height: 'сто' })).toEqual(['height:NOT_A_NUMBER']);
    expect(extras({ height: '1e3' })).toEqual(['height:NOT_A_NUMBER']);
    expect(extras({ height: Number.NaN })).toEqual(['height:NOT_A_NUMBER']);
    expect(extras({ height: Number.POSITIVE_INFINITY })).toEqual(['height:NOT_A_NUMBER']);
    expect(extras({ height: true })).toEqual(['height:WRONG_TYPE']);
    expect(acceptedAnswers(validateSubmission(idCard, { ...goodIdCard(), height: ' 172 ' }, CONTEXT)).height).toBe(172);
  });

  it('checks dates against the calendar and today', () => {
    expect(extras({ validUntil: '2023-02-31' })).toEqual(['validUntil:INVALID_DATE']);
    expect(extras({ validUntil: '31.12.2030' })).toEqual(['validUntil:INVALID_DATE']);
    expect(extras({ validUntil: '2026-03-14' })).toEqual(['validUntil:DATE_IN_PAST']);
    expect(extras({ validUntil: '2026-03-15' })).toEqual([]);
    expect(codes(evaluateForm(birthRegistration, { ...goodBirth(), childBirthDate: '2026-03-16' }, CONTEXT).issues)).toEqual([
      'childBirthDate:DATE_IN_FUTURE',
    ]);
  });

  it('checks the script of names, catching a Latin o in a Cyrillic name and emoji', () => {
    expect(codes(evaluateForm(birthRegistration, { ...goodBirth(), childName: 'Асанoв' }, CONTEXT).issues)).toEqual(['childName:WRONG_SCRIPT']);
    expect(codes(evaluateForm(birthRegistration, { ...goodBirth(), childName: 'Айсулуу 😀' }, CONTEXT).issues)).toEqual(['childName:WRONG_SCRIPT']);
    expect(extras({ latinName: 'AIDAI ASANOVA' })).toEqual([]);
    expect(extras({ latinName: 'АЙДАЙ' })).toEqual(['latinName:WRONG_SCRIPT']);
  });

  it('checks a content pattern against the whole answer, with its own message', () => {
    expect(extras({ reference: 'AB-1234' })).toEqual([]);
    expect(extras({ reference: 'xAB-1234' })).toEqual(['reference:PATTERN']);
    const [issue] = evaluateForm(idCard, { ...goodIdCard(), reference: 'AB1234' }, CONTEXT).issues;
    expect(shownMessage(issue).en).toBe('Two capitals, a hyphen and four digits, like AB-1234');
  });

  it('does not crash on a pattern that does not compile', () => {
    const broken = form({
      id: 'broken-pattern',
      version: 1,
      title: text('Broken'),
      pages: [{ id: 'p', fields: [{ id: 'code', type: 'text', label: text('Code'), pattern: { regex: '([A-Z', message: text('Capitals') } }] }],
    });
    expect(evaluateForm(broken, { code: 'ABC' }, CONTEXT).issues).toEqual([]);
  });

  it('refuses a 10,000-character answer as too long', () => {
    const long = 'а'.repeat(10_000);
    expect(codes(evaluateForm(birthRegistration, { ...goodBirth(), childName: long }, CONTEXT).issues)).toEqual(['childName:TOO_LONG']);
    expect(extras({ comment: long })).toEqual(['comment:TOO_LONG']);
    expect(extras({ comment: 'х'.repeat(2000) })).toEqual([]);
    expect(extras({ latinName: 'A'.repeat(41) })).toEqual(['latinName:TOO_LONG']);
    expect(extras({ address: { ...(goodIdCard().address as object), street: 'к'.repeat(10_000) } })).toEqual(['address:INVALID_ADDRESS']);
  });

  it('normalises phones, document numbers, postal codes and text in the submission', () => {
    const accepted = acceptedAnswers(
      validateSubmission(
        idCard,
        {
          ...goodIdCard(),
          oldCard: ' аn 123 4567 ',
          postalCode: '720 001',
          latinName: '  AIDAI   ASANOVA ',
          comment: '  Line one\r\n\r\n\r\nLine two  ',
          address: { region: 'KG-GB', district: ' Свердловский ', locality: 'Бишкек', street: 'Чүй  проспекти', house: '227', flat: '' },
        },
        CONTEXT,
      ),
    );
    expect(accepted.oldCard).toBe('AN1234567');
    expect(accepted.postalCode).toBe('720001');
    expect(accepted.latinName).toBe('AIDAI ASANOVA');
    expect(accepted.comment).toBe('Line one\n\nLine two');
    expect(accepted.address).toEqual({ region: 'KG-GB', district: 'Свердловский', locality: 'Бишкек', street: 'Чүй проспекти', house: '227' });
    expect(accepted.fee).toBe(1300);

    const birth = acceptedAnswers(validateSubmission(birthRegistration, { ...goodBirth(), childName: ' Айсулуу ', phone: '+996 (555) 12-34-56' }, CONTEXT));
    expect(birth.childName).toBe('Айсулуу');
    expect(birth.phone).toBe('+996555123456');
    // Unanswered optional fields and hidden ones are left out, not sent as null.
    expect(Object.keys(birth)).toEqual(['childName', 'childBirthDate', 'motherPin', 'motherBirthDate', 'fatherKnown', 'phone']);
  });

  it('composes text to NFC', () => {
    const decomposed = 'Айсулуу Ёлдошева'.normalize('NFD');
    const accepted = acceptedAnswers(validateSubmission(birthRegistration, { ...goodBirth(), childName: decomposed }, CONTEXT));
    expect(accepted.childName).toBe('Айсулуу Ёлдошева'.normalize('NFC'));
  });

  it('refuses phone numbers that are not Kyrgyz', () => {
    expect(codes(evaluateForm(birthRegistration, { ...goodBirth(), phone: '12345' }, CONTEXT).issues)).toEqual(['phone:INVALID_PHONE']);
    expect(codes(evaluateForm(birthRegistration, { ...goodBirth(), phone: '+7 912 345 67 89' }, CONTEXT).issues)).toEqual(['phone:INVALID_PHONE']);
  });

  it('checks document numbers against the field kinds, with examples in the message', () => {
    const [issue] = evaluateForm(idCard, { ...goodIdCard(), oldCard: 'AC1234567' }, CONTEXT).issues;
    expect(issue?.code).toBe('INVALID_DOCUMENT_NUMBER');
    expect(shownMessage(issue).ru).toContain('ID1234567, AN1234567');
    expect(extras({ postalCode: '620001' })).toEqual(['postalCode:INVALID_POSTAL_CODE']);
  });

  it('checks addresses: a known region and every required part', () => {
    const base = goodIdCard().address as Record<string, string>;
    expect(extras({ address: { ...base, region: 'KG-XX' } })).toEqual(['address:INVALID_ADDRESS']);
    expect(extras({ address: { ...base, flat: '1'.repeat(21) } })).toEqual(['address:INVALID_ADDRESS']);
    // Required and half-filled: unanswered, and the message lists the parts.
    const halfFilled: Record<string, unknown> = { ...goodIdCard(), address: { region: 'KG-GB', street: 'Чүй' } };
    const half = evaluateForm(idCard, halfFilled as Answers, CONTEXT).issues;
    expect(codes(half)).toEqual(['address:REQUIRED']);
    expect(shownMessage(half[0]).en).toContain('street and house number');
    expect(extras({ address: { region: '', district: ' ' } })).toEqual(['address:REQUIRED']);
    // Optional and half-filled: not silently dropped, but refused.
    expect(extras({ previousAddress: { region: 'KG-O' } })).toEqual(['previousAddress:INVALID_ADDRESS']);
    expect(extras({ previousAddress: { region: '', flat: null } })).toEqual([]);
    expect(extras({ address: { ...base, house: 227 } })).toEqual(['address:WRONG_TYPE']);
    expect(extras({ address: { ...base, country: 'KG' } })).toEqual(['address:WRONG_TYPE']);
    expect(extras({ address: 'Бишкек, Чүй 227' })).toEqual(['address:WRONG_TYPE']);
  });
});

describe('validateSubmission with untrusted input', () => {
  afterEach(() => {
    // Nothing may ever have reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('accepts a good submission', () => {
    expect(validateSubmission(birthRegistration, goodBirth(), CONTEXT).ok).toBe(true);
    expect(validateSubmission(idCard, goodIdCard(), CONTEXT).ok).toBe(true);
  });

  it('refuses anything but an object', () => {
    for (const junk of [null, undefined, 'answers', 42, true, [], [goodBirth()], new Date(), new Map()]) {
      expect(errorsOf(validateSubmission(birthRegistration, junk, CONTEXT))).toEqual([':WRONG_TYPE']);
    }
  });

  it('refuses keys that are not fields of the form', () => {
    const check = validateSubmission(birthRegistration, { ...goodBirth(), isAdmin: true }, CONTEXT);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.issues).toMatchObject([{ path: 'isAdmin', code: 'UNKNOWN_FIELD', severity: 'error' }]);
    expect(errorsOf(validateSubmission(idCard, { ...goodIdCard(), ageNow: 3 }, CONTEXT))).toEqual(['ageNow:UNKNOWN_FIELD']);
  });

  it('refuses values of the wrong JSON type', () => {
    const wrong = (answers: Record<string, unknown>): string[] => errorsOf(validateSubmission(birthRegistration, { ...goodBirth(), ...answers }, CONTEXT));
    expect(wrong({ fatherKnown: 'false' })).toEqual(['fatherKnown:WRONG_TYPE']);
    expect(wrong({ motherPin: 11204198500012 })).toEqual(['motherPin:WRONG_TYPE']);
    expect(wrong({ childName: { ru: 'Айсулуу' } })).toEqual(['childName:WRONG_TYPE']);
    expect(wrong({ childName: ['Айсулуу'] })).toEqual(['childName:WRONG_TYPE']);
    expect(errorsOf(validateSubmission(idCard, { ...goodIdCard(), documents: 'birth-certificate' }, CONTEXT))).toEqual(['documents:WRONG_TYPE']);
    expect(errorsOf(validateSubmission(idCard, { ...goodIdCard(), documents: [1, 2] }, CONTEXT))).toEqual(['documents:WRONG_TYPE']);
  });

  it('refuses prototype-pollution attempts without polluting anything', () => {
    const attack = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "childName": "Айсулуу"}',
    ) as unknown;
    const check = validateSubmission(birthRegistration, attack, CONTEXT);
    expect(check.ok).toBe(false);
    expect(errorsOf(check).slice(0, 2)).toEqual(['__proto__:UNKNOWN_FIELD', 'constructor:UNKNOWN_FIELD']);

    const nested = JSON.parse(
      `{"address": {"__proto__": {"polluted": true}, "region": "KG-GB"}, "children": [{"__proto__": {"polluted": true}, "name": "Асель"}]}`,
    ) as unknown;
    const nestedErrors = errorsOf(validateSubmission(idCard, { ...goodIdCard(), ...(nested as object) }, CONTEXT));
    expect(nestedErrors).toContain('address:WRONG_TYPE');
    expect(nestedErrors).toContain('children.0.__proto__:UNKNOWN_FIELD');
  });

  it('survives deeply nested junk, huge strings, emoji and odd numbers', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 10_000; level += 1) deep = { a: deep, b: [deep] };
    const junk = {
      childName: '😀'.repeat(5000),
      childBirthDate: deep,
      motherPin: '1'.repeat(10_000),
      motherBirthDate: Number.NaN,
      fatherKnown: Number.POSITIVE_INFINITY,
      phone: { toString: 'x' },
      email: ['a@b.kg'],
    };
    const check = validateSubmission(birthRegistration, junk, CONTEXT);
    expect(errorsOf(check)).toEqual([
      'childName:TOO_LONG',
      'childBirthDate:WRONG_TYPE',
      'motherPin:INVALID_PIN',
      'motherBirthDate:WRONG_TYPE',
      'fatherKnown:WRONG_TYPE',
      'phone:WRONG_TYPE',
      'email:WRONG_TYPE',
    ]);
    expect(() => evaluateForm(birthRegistration, junk as unknown as Answers, CONTEXT)).not.toThrow();
  });

  it('refuses a submission with thousands of keys before looking at them', () => {
    const many: Record<string, unknown> = {};
    for (let index = 0; index < 5000; index += 1) many[`field${index}`] = index;
    expect(validateSubmission(birthRegistration, many, CONTEXT).ok).toBe(false);
  });

  it('never throws, whatever value any field of either form is given', () => {
    const values: unknown[] = [
      null, undefined, '', ' ', 'x', '😀', 0, -0, 1.5, Number.NaN, Number.NEGATIVE_INFINITY, true, false, [], [null], [[]], {}, { a: 1 },
      JSON.parse('{"__proto__": 1}'), new Date(0), 'ID1234567', '2026-02-31', '21204198500012', ['normal'], [{}], [{ name: 1 }],
    ];
    for (const definition of [birthRegistration, idCard]) {
      const ids = definition.pages.flatMap((page) => page.fields.map((field) => field.id));
      for (const id of ids) {
        for (const value of values) {
          const answers = { [id]: value } as unknown as Answers;
          expect(() => evaluateForm(definition, answers, CONTEXT)).not.toThrow();
          const check = validateSubmission(definition, answers, CONTEXT);
          expect(typeof check.ok).toBe('boolean');
        }
      }
    }
  });

  it('gives the same verdict as the screen for every page', () => {
    // The host refuses exactly when some visible page still shows an error.
    const samples: Record<string, unknown>[] = [
      goodBirth(),
      { ...goodBirth(), motherPin: '13102198500012' },
      { ...goodBirth(), fatherKnown: true },
      { ...goodBirth(), fatherKnown: true, fatherPin: '20101198000034' },
      { ...goodBirth(), motherBirthDate: '1985-04-13' },
      { ...goodBirth(), phone: '', email: 'not-an-address' },
    ];
    for (const answers of samples) {
      const state = evaluateForm(birthRegistration, answers as Answers, CONTEXT);
      const screenErrors = state.visiblePageIds.flatMap((pageId) =>
        pageIssues(birthRegistration, pageId, answers as Answers, CONTEXT).filter((issue) => issue.severity === 'error'),
      );
      expect(validateSubmission(birthRegistration, answers, CONTEXT).ok).toBe(screenErrors.length === 0);
    }
  });
});

describe('large forms', () => {
  it('evaluates a form of 200 fields and 50 relevance rules', () => {
    const pages = Array.from({ length: 200 }, (_, index) => ({
      id: `page-${index}`,
      ...(index % 4 === 1 ? { relevant: { '==': [{ var: `field${index - 1}` }, 'show'] } } : {}),
      fields: [{ id: `field${index}`, type: 'text', label: text(`Question ${index}`), required: true }],
    }));
    const big = form({ id: 'big', version: 1, title: text('Big'), pages });
    const answers: Answers = {};
    for (let index = 0; index < 200; index += 4) answers[`field${index}`] = index % 8 === 0 ? 'show' : 'hide';
    const state = evaluateForm(big, answers, CONTEXT);
    // 50 pages answered, 25 of the 50 conditional ones shown (and unanswered), 100 always-shown pages unanswered.
    expect(state.visiblePageIds).toHaveLength(175);
    expect(state.issues.filter((issue) => issue.code === 'REQUIRED')).toHaveLength(125);
    // Evaluating again with the same form object reuses its index and gives the same state.
    expect(evaluateForm(big, answers, CONTEXT)).toEqual(state);
  });
});
