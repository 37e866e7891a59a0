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
/**
 * Linear time is not fast time: a repetition such as (a?){990} compiles into a program of 130,000
 * instructions that takes a second per answer. The bundled patterns compile to 6–13; this leaves
 * room for any real identifier format and refuses what would make a key tap lag.
 */
export const MAX_PATTERN_PROGRAM_SIZE = 2_000;
/** A counted repetition above this is refused before compiling, since compiling it is already costly. */
export const MAX_PATTERN_REPEAT = 100;

export function compileContentPattern(source: string): PatternCompilation {
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `longer than ${MAX_PATTERN_LENGTH} characters` };
  for (const [, low, high] of source.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    if (Number(low) > MAX_PATTERN_REPEAT || Number(high || 0) > MAX_PATTERN_REPEAT) {
      return { ok: false, reason: `repeats more than ${MAX_PATTERN_REPEAT} times` };
    }
  }
  try {
    const compiled = RE2JS.compile(`^(?:${source})$`);
    if (compiled.programSize() > MAX_PATTERN_PROGRAM_SIZE) return { ok: false, reason: `compiles to more than ${MAX_PATTERN_PROGRAM_SIZE} instructions` };
    return { ok: true, pattern: { matches: (text) => compiled.matches(text) } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'does not compile' };
  }
}
