import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/shared/audit/canonical-json.js';

describe('canonical JSON', () => {
  it('writes one text for one value whatever order its keys were given in', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'ң' } })).toBe('{"a":{"c":"ң","d":[true,null]},"b":1}');
    expect(canonicalJson({ a: { c: 'ң', d: [true, null] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [true, null], c: 'ң' } }));
  });

  it('leaves out keys whose value is undefined, as stored JSON does', () => {
    expect(canonicalJson({ outcome: 'printed', reason: undefined })).toBe('{"outcome":"printed"}');
  });

  it('refuses what would not read back the same everywhere: fractions, huge numbers, non-plain objects', () => {
    expect(() => canonicalJson(0.1)).toThrow(TypeError);
    expect(() => canonicalJson(2 ** 60)).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(new Date(0) as never)).toThrow(TypeError);
  });
});
