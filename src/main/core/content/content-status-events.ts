import type { ContentStatus } from '../../../shared/contract/ipc.js';

export interface ContentStatusNotifier {
  /** Something the service panel shows of content may have changed. */
  changed(): void;
  /** The host is closing: a notice still waiting would read a closed database. */
  stop(): void;
}

/**
 * Tells the page about content changes at most every `intervalMs`, always ending on the latest
 * state: a download reports every chunk, and the panel needs the progress, not every chunk.
 */
export function contentStatusNotifier(status: () => ContentStatus, emit: (status: ContentStatus) => void, intervalMs = 250): ContentStatusNotifier {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastSent = 0;
  const send = () => {
    timer = undefined;
    lastSent = Date.now();
    emit(status());
  };
  return {
    changed: () => {
      if (timer || stopped) return;
      timer = setTimeout(send, Math.max(0, lastSent + intervalMs - Date.now()));
      timer.unref?.();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
