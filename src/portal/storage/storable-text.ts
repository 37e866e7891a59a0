/**
 * PostgreSQL text cannot hold NUL, and a lone surrogate has no UTF-8 form: either would change or
 * fail in storage, so a request carrying one is refused before it gets there. Answers the first
 * such field's name, or null.
 */
export function unstorableTextField(record: object): string | null {
  const bad = Object.entries(record).find(([, value]) => typeof value === 'string' && !storableText(value));
  return bad ? bad[0] : null;
}

function storableText(text: string): boolean {
  return !text.includes('\u0000') && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
