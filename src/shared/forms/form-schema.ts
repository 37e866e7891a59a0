import { z } from 'zod';
import { localizedTextSchema } from '../domain/language-schemas.js';

/**
 * Form definitions: part of the content package, one per service. A form is a list of pages
 * (one question per screen, so most pages hold one field); rules are JSON expressions evaluated by
 * the one form engine in src/shared, which both the renderer and the host run.
 */

/** Names every object already has; as field ids they would read as built-in members. */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));
export const fieldIdSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'a field id is camelCase latin letters and digits')
  .max(48)
  .refine((id) => !RESERVED_IDS.has(id), 'this field id is reserved');

/**
 * A rule or value, as a small JSON expression (a subset of JsonLogic):
 *   literals (string, number, boolean, null), {"var": "fieldId"} (inside a repeat group, sibling
 *   fields of the same item first, then the form's own), and operators with an argument list:
 *   "==" "!=" "<" "<=" ">" ">=" "and" "or" "not" "in" "+" "-" "*" "/" "if" "empty" "count"
 *   "length" "today" "age" "daysBetween".
 */
export type Expression = string | number | boolean | null | { var: string } | { [operator: string]: Expression[] };
export const EXPRESSION_OPERATORS = [
  '==', '!=', '<', '<=', '>', '>=', 'and', 'or', 'not', 'in', '+', '-', '*', '/', 'if', 'empty', 'count', 'length', 'today', 'age', 'daysBetween',
] as const;
export const expressionSchema: z.ZodType<Expression> = z.lazy(() =>
  z.union([
    z.string().max(500),
    z.number(),
    z.boolean(),
    z.null(),
    z.object({ var: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)?$/) }).strict(),
    z
      .partialRecord(z.enum(EXPRESSION_OPERATORS), z.array(expressionSchema).max(20))
      .refine((value) => Object.keys(value).length === 1, 'an expression has exactly one operator'),
  ]),
);

const optionSchema = z.object({ value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(48), label: localizedTextSchema });

const constraintSchema = z.object({ rule: expressionSchema, message: localizedTextSchema });

const fieldBase = {
  id: fieldIdSchema,
  label: localizedTextSchema,
  hint: localizedTextSchema.optional(),
  /** true, or an expression; false when absent. */
  required: z.union([z.boolean(), expressionSchema]).optional(),
  /** Shown (and submitted) only while this holds. */
  relevant: expressionSchema.optional(),
  constraints: z.array(constraintSchema).max(10).optional(),
};

export const DOCUMENT_KINDS = ['id-card', 'id-card-legacy', 'foreign-passport', 'driving-licence', 'civil-certificate'] as const;

export { REGION_CODES } from './region-codes.js';

const leafFieldSchema = z.discriminatedUnion('type', [
  z.object({
    ...fieldBase,
    type: z.literal('text'),
    minLength: z.number().int().min(0).max(500).optional(),
    maxLength: z.number().int().min(1).max(500).optional(),
    pattern: z.object({ regex: z.string().max(300), message: localizedTextSchema }).optional(),
    /** Which on-screen keyboard opens first, and which letters are accepted. */
    script: z.enum(['cyrillic', 'latin', 'any']).optional(),
  }),
  z.object({ ...fieldBase, type: z.literal('longText'), maxLength: z.number().int().min(1).max(5000).optional() }),
  z.object({
    ...fieldBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('date'),
    /** Dates are YYYY-MM-DD; "today" is the kiosk's date when evaluated. */
    notInFuture: z.boolean().optional(),
    notInPast: z.boolean().optional(),
  }),
  z.object({ ...fieldBase, type: z.literal('singleChoice'), options: z.array(optionSchema).min(2).max(30) }),
  z.object({
    ...fieldBase,
    type: z.literal('multipleChoice'),
    options: z.array(optionSchema).min(2).max(30),
    minSelected: z.number().int().min(0).optional(),
    maxSelected: z.number().int().min(1).optional(),
  }),
  z.object({ ...fieldBase, type: z.literal('yesNo') }),
  z.object({
    ...fieldBase,
    type: z.literal('pin'),
    /** A date field to compare with the birth date inside the PIN: a mismatch warns, never blocks. */
    birthDateField: fieldIdSchema.optional(),
  }),
  z.object({ ...fieldBase, type: z.literal('phone') }),
  z.object({ ...fieldBase, type: z.literal('email') }),
  z.object({ ...fieldBase, type: z.literal('documentNumber'), documentKinds: z.array(z.enum(DOCUMENT_KINDS)).min(1) }),
  z.object({ ...fieldBase, type: z.literal('postalCode') }),
  /** Value: {region, district, locality, street, house, flat?}; region is one of REGION_CODES. */
  z.object({ ...fieldBase, type: z.literal('address') }),
  /** Shown read-only and submitted with the answers, e.g. the fee for the chosen urgency. */
  z.object({
    ...fieldBase,
    type: z.literal('calculated'),
    expression: expressionSchema,
    format: z.enum(['som', 'number', 'text']),
    /** For a text result: what each value the expression gives reads as in each language ("urgent" → "Срочно"). */
    valueLabels: z.record(z.string().max(100), localizedTextSchema).optional(),
  }),
]);
export type LeafField = z.infer<typeof leafFieldSchema>;

export const repeatGroupSchema = z.object({
  ...fieldBase,
  type: z.literal('repeatGroup'),
  itemLabel: localizedTextSchema,
  fields: z.array(leafFieldSchema).min(1).max(20),
  minItems: z.number().int().min(0).max(20),
  maxItems: z.number().int().min(1).max(20),
});
export type RepeatGroupField = z.infer<typeof repeatGroupSchema>;

export const fieldSchema = z.union([leafFieldSchema, repeatGroupSchema]);
export type FormField = z.infer<typeof fieldSchema>;
export type FieldType = FormField['type'];

export const pageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/).max(48),
  /** The screen's heading when it holds more than one field; otherwise the field's label is the heading. */
  title: localizedTextSchema.optional(),
  relevant: expressionSchema.optional(),
  fields: z.array(fieldSchema).min(1).max(10),
});
export type FormPage = z.infer<typeof pageSchema>;

export const formDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64),
    version: z.number().int().positive(),
    title: localizedTextSchema,
    pages: z.array(pageSchema).min(1).max(250),
  })
  .superRefine((form, ctx) => {
    const pageIds = new Set<string>();
    form.pages.forEach((page, pageIndex) => {
      if (pageIds.has(page.id)) ctx.addIssue({ code: 'custom', path: ['pages', pageIndex, 'id'], message: `duplicate page id ${page.id}` });
      pageIds.add(page.id);
    });
    const seen = new Set<string>();
    form.pages.forEach((page, pageIndex) =>
      page.fields.forEach((field, fieldIndex) => {
        if (seen.has(field.id)) ctx.addIssue({ code: 'custom', path: ['pages', pageIndex, 'fields', fieldIndex, 'id'], message: `duplicate field id ${field.id}` });
        seen.add(field.id);
      }),
    );
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** A visitor's answers, keyed by field id; a repeat group holds one answers object per item. */
export type AnswerValue = string | number | boolean | string[] | AddressValue | RepeatItem[] | null;
export interface AddressValue {
  region: string;
  district: string;
  locality: string;
  street: string;
  house: string;
  flat?: string;
}
export type RepeatItem = Record<string, AnswerValue>;
export type Answers = Record<string, AnswerValue>;
