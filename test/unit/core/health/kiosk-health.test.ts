import { describe, expect, it } from 'vitest';
import { DISK_RECOVERED_BYTES, KioskHealth, isDiskRefusal } from '../../../../src/main/core/health/kiosk-health.js';

const coded = (code: string) => Object.assign(new Error('refused'), { code });

function health(start: { free?: number; logFailing?: boolean } = {}) {
  const state = { free: start.free ?? 1_000_000, logFailing: start.logFailing ?? false, changes: 0, probes: 0, probeRepairs: false };
  const subject = new KioskHealth({
    freeDiskBytes: () => state.free,
    logWritesFailing: () => state.logFailing,
    probeLog: () => {
      state.probes++;
      if (state.probeRepairs) state.logFailing = false;
    },
    onChange: () => state.changes++,
  });
  return { subject, state };
}

describe("the kiosk's own alarms", () => {
  it('tells a full disk from any other failed write', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'ENOSPC', 'EFBIG', 'EDQUOT']) expect(isDiskRefusal(coded(code)), code).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT_TRIGGER', 'SQLITE_BUSY', 'EACCES']) expect(isDiskRefusal(coded(code)), code).toBe(false);
    expect(isDiskRefusal(new Error('no code'))).toBe(false);
  });

  it('raises disk-full on a write the disk refused and clears it with the next application saved', () => {
    const { subject, state } = health();
    subject.databaseWriteFailed(coded('SQLITE_CONSTRAINT'));
    expect(subject.alarms()).toEqual([]);
    subject.databaseWriteFailed(coded('SQLITE_FULL'));
    expect(subject.alarms()).toEqual(['disk-full']);
    expect(state.changes).toBe(1);
    subject.databaseWriteSucceeded();
    expect(subject.alarms()).toEqual([]);
    expect(state.changes).toBe(2);
  });

  it('clears disk-full by itself once enough space has come back, and not for a few bytes', () => {
    const { subject, state } = health({ free: 10_000 });
    subject.databaseWriteFailed(coded('ENOSPC'));
    state.free = 10_000 + DISK_RECOVERED_BYTES - 1;
    expect(subject.alarms()).toEqual(['disk-full']);
    const changesWhileFull = state.changes;
    state.free = 10_000 + DISK_RECOVERED_BYTES;
    expect(subject.alarms()).toEqual([]);
    // The look that found the space back tells the panel, which would otherwise keep showing the alarm.
    expect(state.changes).toBe(changesWhileFull + 1);
    expect(subject.alarms()).toEqual([]);
    expect(state.changes).toBe(changesWhileFull + 1);
  });

  it('raises log-writes-failing while the log refuses lines, trying a line at each look, and clears with the first line written', () => {
    const { subject, state } = health({ logFailing: true });
    expect(subject.alarms()).toEqual(['log-writes-failing']);
    expect(state.probes).toBe(1);
    expect(state.changes).toBe(1);
    state.probeRepairs = true;
    expect(subject.alarms()).toEqual([]);
    expect(state.probes).toBe(2);
    expect(state.changes).toBe(2);
    expect(subject.alarms()).toEqual([]);
    expect(state.probes).toBe(2);
  });
});
