import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchRenderer } from '../../../src/main/shell-common/renderer-watchdog.js';
import { createMemoryLogger } from '../../support/memory-logger.js';

/** A window whose renderer events the test fires by hand, recording what the watchdog does to it. */
function watchedWindow() {
  const listeners: { gone?: (reason: string, exitCode: number) => void; unresponsive?: () => void; responsive?: () => void } = {};
  const done: string[] = [];
  const renderer = {
    onGone: (listener: (reason: string, exitCode: number) => void) => void (listeners.gone = listener),
    onUnresponsive: (listener: () => void) => void (listeners.unresponsive = listener),
    onResponsive: (listener: () => void) => void (listeners.responsive = listener),
    reloadAttract: () => void done.push('reload'),
    crash: () => {
      done.push('crash');
      listeners.gone?.('killed', 9);
    },
  };
  return { renderer, listeners, done };
}

describe('the renderer watchdog', () => {
  afterEach(() => vi.useRealTimers());

  it('loads the page again on the attract screen after a crash, and logs the reason', () => {
    const { renderer, listeners, done } = watchedWindow();
    const log = createMemoryLogger();
    watchRenderer(renderer, log);
    listeners.gone!('crashed', 139);
    listeners.gone!('oom', 0);
    expect(done).toEqual(['reload', 'reload']);
    expect(log.records.filter((record) => record.event === 'renderer_gone').map((record) => record.fields.reason)).toEqual(['crashed', 'oom']);
    listeners.gone!('clean-exit', 0);
    expect(done).toEqual(['reload', 'reload']);
  });

  it('ends a renderer that hangs past the grace period, so that it is loaded again', () => {
    vi.useFakeTimers();
    const { renderer, listeners, done } = watchedWindow();
    const log = createMemoryLogger();
    watchRenderer(renderer, log, 10_000);
    listeners.unresponsive!();
    listeners.unresponsive!();
    vi.advanceTimersByTime(9_999);
    expect(done).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(done).toEqual(['crash', 'reload']);
    expect(log.records.map((record) => record.event)).toEqual(['renderer_unresponsive', 'renderer_unresponsive', 'renderer_ended_after_hang', 'renderer_gone']);
  });

  it('leaves a renderer alone that answers again within the grace period', () => {
    vi.useFakeTimers();
    const { renderer, listeners, done } = watchedWindow();
    watchRenderer(renderer, createMemoryLogger(), 10_000);
    listeners.unresponsive!();
    vi.advanceTimersByTime(5_000);
    listeners.responsive!();
    vi.advanceTimersByTime(60_000);
    expect(done).toEqual([]);
  });
});
