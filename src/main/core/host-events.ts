import type { HostEvent } from '../../shared/contract/ipc.js';

export type HostEventListener = (event: HostEvent) => void;

/** Host-to-page notifications; each shell subscribes once and forwards to its page. */
export class HostEvents {
  private readonly listeners = new Set<HostEventListener>();

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: HostEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
