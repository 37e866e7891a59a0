import type { HostEvent } from '../../shared/contract/ipc.js';
import { describeError, type Logger } from './logger.js';

export type HostEventListener = (event: HostEvent) => void;

/**
 * Host-to-page notifications; each shell subscribes once and forwards to its page. A listener that
 * throws (a closed window, a dropped event stream) is logged and skipped: telling the page is never
 * allowed to fail the work that happened.
 */
export class HostEvents {
  private readonly listeners = new Set<HostEventListener>();

  constructor(private readonly log?: Logger) {}

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: HostEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log?.warn('host_event_listener_failed', { event: event.name, ...describeError(error) });
      }
    }
  }
}
