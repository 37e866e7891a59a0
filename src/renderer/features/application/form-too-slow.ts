/** A form that ran past its time budget (form-budget.ts); apart from the engine so the screen boundary can recognise it without loading it. */
export class FormTooSlowError extends Error {
  override readonly name = 'FormTooSlowError';
  constructor(readonly formId: string) {
    super('The form took longer than its time budget.');
  }
}
