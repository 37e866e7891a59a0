import { evaluateForm, type EvaluationContext, type FormState } from '../../../shared/forms/form-engine.js';
import type { Answers, FormDefinition } from '../../../shared/forms/form-schema.js';
import { FormTooSlowError } from './form-too-slow.js';

export { FormTooSlowError };

/**
 * How long one evaluation of a form may take on the page. The bundled forms take well under a
 * millisecond; a form that takes this long would make every key tap lag, so it is taken out of
 * use on this kiosk instead of freezing the visit (the content validation bounds each rule; this
 * bounds what many sound rules add up to on a slow machine).
 */
export const FORM_EVALUATION_BUDGET_MS = 250;


/** Overruns in a row before a form is failed: one garbage collection or busy moment is not the form's fault. */
export const OVERRUNS_BEFORE_FAILING = 2;
const overrunsInARow = new Map<string, number>();

/** evaluateForm, failing with FormTooSlowError when it ran past the budget twice in a row. */
export function evaluateWithinBudget(
  form: FormDefinition,
  answers: Answers,
  context: EvaluationContext,
  now: () => number = () => performance.now(),
): FormState {
  const started = now();
  const state = evaluateForm(form, answers, context);
  if (now() - started <= FORM_EVALUATION_BUDGET_MS) {
    overrunsInARow.delete(form.id);
    return state;
  }
  const overruns = (overrunsInARow.get(form.id) ?? 0) + 1;
  overrunsInARow.set(form.id, overruns);
  if (overruns >= OVERRUNS_BEFORE_FAILING) {
    overrunsInARow.delete(form.id);
    throw new FormTooSlowError(form.id);
  }
  return state;
}
