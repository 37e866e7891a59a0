export interface CoalescedNotice {
  /** Something the notice reports may have changed. */
  changed(): void;
  /** The host is closing: a notice still waiting would read a closed database. */
  stop(): void;
}

/**
 * Runs `send` soon after `changed()`, at most once every `intervalMs`, and always once more after
 * the last change: a download reports every chunk and a draining queue changes with every
 * delivery, while the page needs the latest state, not every step. Off the caller's path, so a
 * failing listener can never fail the work that caused the change (a committed application, say).
 */
export function coalescedNotice(send: () => void, intervalMs = 250, onError: (error: unknown) => void = () => undefined): CoalescedNotice {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastSent = 0;
  const run = () => {
    timer = undefined;
    lastSent = Date.now();
    try {
      send();
    } catch (error) {
      onError(error);
    }
  };
  return {
    changed: () => {
      if (timer || stopped) return;
      timer = setTimeout(run, Math.max(0, lastSent + intervalMs - Date.now()));
      timer.unref?.();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
