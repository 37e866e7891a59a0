import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChaosScript } from '../support/chaos-figures.js';

/**
 * The kiosk on a real full disk: its data folder on a 16 MiB tmpfs (in a private mount namespace)
 * that is filled to the last byte four times while visitors submit, and freed each time. The
 * kiosk runs the built host with its real file log on the same disk.
 */
describe('a kiosk whose disk fills up while visitors submit', () => {
  it('stays up, says "not saved" on the full disk, raises and clears its alarm, and loses nothing it acknowledged', { timeout: 180_000 }, () => {
    expect(existsSync('dist/main/core/host.js'), 'run `npm run build` first: the kiosk child runs the built host').toBe(true);
    const { status, stderr, figures } = runChaosScript('test/chaos/disk-full.mjs', { DISK_FULL_SUBMISSIONS: '60', DISK_FULL_FAULTS: '4' }, 170_000);
    expect(status, stderr).toBe(0);
    expect(figures.chaos_disk_full_kiosk_exit_code).toBe(0);
    expect(figures.chaos_disk_full_faults).toBe(4);
    // 60 visitors on a disk with room and three at each full disk: every one was either given a
    // receipt or told it was not saved, and the full disk did refuse some.
    expect(figures.chaos_disk_full_submitted).toBe(72);
    expect(figures.chaos_disk_full_acknowledged! + figures.chaos_disk_full_not_saved_shown!).toBe(72);
    expect(figures.chaos_disk_full_acknowledged).toBeGreaterThanOrEqual(60);
    expect(figures.chaos_disk_full_not_saved_shown).toBeGreaterThanOrEqual(4);
    expect(figures.chaos_disk_full_lost).toBe(0);
    expect(figures.chaos_disk_full_committed_but_refused).toBe(0);
    expect(figures.chaos_disk_full_delivered_at_portal).toBe(figures.chaos_disk_full_acknowledged);
    expect(figures.chaos_disk_full_alarm_mismatches).toBe(0);
  });
});
