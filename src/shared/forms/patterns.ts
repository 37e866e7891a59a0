import { RE2JS } from 're2js';

/**
 * The content's text patterns, run by a linear-time engine (RE2 semantics): whatever a signed
 * package carries, checking an answer takes time proportional to its length, so a pattern such as
 * `(a+)+b` cannot freeze the screen or the host. RE2 has no backreferences or lookaround; such a
 * pattern does not compile and the content validation refuses the package that carries it.
 */
export interface ContentPattern {
  /** Whether the whole answer matches (anchored like the HTML pattern attribute). */
  matches(text: string): boolean;
}

export type PatternCompilation = { ok: true; pattern: ContentPattern } | { ok: false; reason: string };

/** Longest pattern a form may carry; a longer one is refused before it is compiled. */
export const MAX_PATTERN_LENGTH = 300;

export function compileContentPattern(source: string): PatternCompilation {
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    const compiled = RE2JS.compile(`^(?:${source})$`);
    return { ok: true, pattern: { matches: (text) => compiled.matches(text) } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'does not compile' };
  }
}
