/** What an audit entry's content may be made of: what JSON carries without loss. */
export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue | undefined };

/**
 * One text for one value, whoever writes it: object keys sorted by UTF-16 code unit (JavaScript's
 * default sort, so the portal gets the same order), no whitespace, strings and numbers as
 * JSON.stringify writes them, keys whose value is undefined left out (as the stored JSON leaves
 * them). Numbers must be safe integers: a float's text is not the same in every language, and no
 * audit detail needs one.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('canonical JSON holds only safe integers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: CanonicalValue) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as { readonly [key: string]: CanonicalValue | undefined };
    const members = Object.keys(record)
      .sort()
      .flatMap((key) => {
        const member = record[key];
        return member === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
      });
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
