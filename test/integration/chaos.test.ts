import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChaosScript } from '../support/chaos-figures.js';

/**
 * A small chaos run inside the suite (npm run chaos does 10,000 with 20 kills): the kiosk process is
 * killed with SIGKILL at random moments while it enqueues and delivers, behind a network that drops,
 * fails and loses answers, and restarted each time.
 */
describe('a kiosk killed at random while it enqueues and delivers', () => {
  it('loses and duplicates nothing it acknowledged', { timeout: 180_000 }, () => {
    expect(existsSync('dist/main/core/host.js'), 'run `npm run build` first: the kiosk children run the built host').toBe(true);
    const { status, stderr, figures } = runChaosScript('test/chaos/run.mjs', { CHAOS_SUBMISSIONS: '300', CHAOS_KILLS: '4' }, 170_000);
    expect(status, stderr).toBe(0);
    // Four are asked for; a run that drains before the last one cannot be killed again.
    expect(figures.chaos_kills).toBeGreaterThanOrEqual(2);
    expect(figures.chaos_acknowledged_to_visitors).toBe(300);
    expect(figures.chaos_lost).toBe(0);
    // Every stored application opens and carries its visit's token, so the duplicate count saw them all.
    expect(figures.chaos_rows_without_visit_token).toBe(0);
    expect(figures.chaos_duplicates).toBe(0);
    expect(figures.chaos_delivered_at_portal).toBeGreaterThanOrEqual(300);
    expect(figures.chaos_delivered_at_portal).toBeLessThanOrEqual(figures.chaos_submitted!);
  });
});
