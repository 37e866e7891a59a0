import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, fullJitterDelay, parseRetryAfter } from '../../../../src/main/core/sync/backoff.js';

const policy = { baseMs: 1000, capMs: 20_000, maxRetryAfterMs: 60_000 };

describe('delivery backoff', () => {
  it('spreads retries uniformly between zero and the capped exponential', () => {
    for (const attempt of [0, 1, 3, 10, 100]) {
      const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
      const delays = Array.from({ length: 4000 }, (_, index) => fullJitterDelay(attempt, policy, () => (index + 0.5) / 4000));
      expect(Math.max(...delays)).toBeLessThan(ceiling);
      expect(Math.min(...delays)).toBeLessThan(ceiling * 0.01);
      // Each quarter of the range gets a quarter of the retries: no herd at the ceiling.
      const quarters = [0, 1, 2, 3].map((quarter) => delays.filter((delay) => delay >= (ceiling * quarter) / 4 && delay < (ceiling * (quarter + 1)) / 4).length);
      for (const count of quarters) expect(count).toBeGreaterThan(900);
    }
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    for (let attempt = 0; attempt < 200; attempt++) expect(fullJitterDelay(attempt, DEFAULT_BACKOFF, () => 0.999999)).toBeLessThan(DEFAULT_BACKOFF.capMs);
  });

  it('honours Retry-After in seconds and as an HTTP date, clamped', () => {
    const now = new Date('2026-11-21T10:00:00Z');
    expect(parseRetryAfter('30', now, policy)).toBe(30_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:45 GMT', now, policy)).toBe(45_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now, policy)).toBe(0);
    expect(parseRetryAfter('86400', now, policy)).toBe(policy.maxRetryAfterMs);
    for (const junk of [null, undefined, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(junk, now, policy)).toBeUndefined();
  });
});
