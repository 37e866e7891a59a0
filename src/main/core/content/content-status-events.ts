import type { ContentStatus } from '../../../shared/contract/ipc.js';

/**
 * Tells the page about content changes at most every `intervalMs`, always ending on the latest
 * state: a download reports every chunk, and the panel needs the progress, not every chunk.
 */
export function contentStatusNotifier(status: () => ContentStatus, emit: (status: ContentStatus) => void, intervalMs = 250): () => void {
  let timer: NodeJS.Timeout | undefined;
  let lastSent = 0;
  const send = () => {
    timer = undefined;
    lastSent = Date.now();
    emit(status());
  };
  return () => {
    if (timer) return;
    const wait = Math.max(0, lastSent + intervalMs - Date.now());
    timer = setTimeout(send, wait);
    timer.unref?.();
  };
}
