import type * as FormBudget from '../features/application/form-budget.js';

type FormEngine = typeof FormBudget;
let loaded: FormEngine | undefined;
let pending: Promise<FormEngine> | undefined;

/**
 * The form engine (with its linear-time pattern engine and the phone metadata) is a part of its
 * own, not in the page's first script: an application loads it before its form is shown, and the
 * page loads it at idle before that, so no tap waits for it.
 */
export function loadFormEngine(): Promise<FormEngine> {
  return (pending ??= import('../features/application/form-budget.js').then(
    (engine) => (loaded = engine),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  ));
}

/** The engine, once an application has loaded it: every form on screen was started after that. */
export function loadedFormEngine(): FormEngine {
  if (!loaded) throw new Error('The form engine was used before an application loaded it.');
  return loaded;
}
