import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedNotice } from '../../../src/main/core/coalesced-notice.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('coalesced notices to the page', () => {
  it('sends once soon after a burst of changes, and once more after a change inside the interval', () => {
    const send = vi.fn();
    const notice = coalescedNotice(send, 250);
    for (let step = 0; step < 100; step++) notice.changed();
    expect(send).not.toHaveBeenCalled(); // never on the caller's own path
    vi.advanceTimersByTime(0);
    expect(send).toHaveBeenCalledTimes(1);
    notice.changed();
    vi.advanceTimersByTime(100);
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(150);
    expect(send).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('sends nothing after stop, even a notice already waiting (the database is closed by then)', () => {
    const send = vi.fn();
    const notice = coalescedNotice(send, 250);
    notice.changed();
    notice.stop();
    notice.changed();
    vi.advanceTimersByTime(1000);
    expect(send).not.toHaveBeenCalled();
  });

  it('reports a failing send and keeps working', () => {
    const errors: unknown[] = [];
    let fail = true;
    const send = vi.fn(() => {
      if (fail) throw new Error('window closed');
    });
    const notice = coalescedNotice(send, 250, (error) => errors.push(error));
    notice.changed();
    vi.advanceTimersByTime(0);
    expect(errors).toHaveLength(1);
    fail = false;
    notice.changed();
    vi.advanceTimersByTime(250);
    expect(send).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(1);
  });
});
