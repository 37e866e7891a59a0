import type { FastifyError, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { z } from 'zod';

/**
 * Request validation with the contract's zod schemas, and the one sentence a failure answers.
 * Where the contract says in its own words what to send (a schema's `error`, which zod prefers
 * over the error map given here), that sentence is the message; anything else is named by the
 * failing field and zod's issue code. No message repeats a value the client sent.
 */

/** Gives zod's own issues no text, so only the contract's sentences carry a message. */
const NO_TEXT_OF_ZODS_OWN = { error: () => NO_TEXT } as const;
const NO_TEXT = '\u0000';

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data: unknown) => {
    const result = schema.safeParse(data, NO_TEXT_OF_ZODS_OWN);
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map(
        (issue): FastifySchemaValidationError => ({
          keyword: issue.code,
          instancePath: `/${issue.path.map((part) => (typeof part === 'symbol' ? '?' : String(part))).join('/')}`,
          schemaPath: '',
          params: {},
          ...(issue.message === NO_TEXT ? {} : { message: issue.message }),
        }),
      ),
    };
  };

/** The first failure: the contract's sentence for it, else the failing field (never its value) and what is wrong with it. */
export function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  if (first?.message) return clip(first.message, 200);
  const where = error.validationContext ?? 'body';
  const path = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
  if (!path && where === 'body' && first?.keyword === 'invalid_type') return 'The body must be a JSON object.';
  const field = clip(path ? (where === 'body' ? path : `${where}.${path}`) : `(${where})`, 80);
  return clip(`Invalid request: ${field}: ${first?.keyword ?? 'invalid'}.`, 200);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
