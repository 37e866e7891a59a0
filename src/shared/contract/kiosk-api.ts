import { CHANNELS, HOST_EVENTS, eventSubscriberName, type Channel, type HostEventName } from './channels.js';
import type { KioskApi } from './ipc.js';
import type { Result } from './result.js';

/** Carries one request to the host; each shell supplies its own (IPC or loopback HTTP). */
export type HostTransport = (channel: Channel, request: unknown) => Promise<Result<unknown>>;
/** Delivers one kind of host event to a listener until the returned function is called. */
export type HostSubscription = (event: HostEventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the `window.kiosk` object from the contract: a frozen object with one named function per
 * channel and one `on<Event>` per host event, so the page never gets a generic send or the shell's
 * own event objects.
 */
export function createKioskApi(transport: HostTransport, subscribe: HostSubscription): KioskApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = (request: unknown) => transport(channel, request);
  }
  for (const event of HOST_EVENTS) {
    api[eventSubscriberName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return subscribe(event, (payload) => listener(payload));
    };
  }
  return Object.freeze(api) as KioskApi;
}

/** A tiny listener registry for the shells' page side: one source of events, many listeners. */
export function createEventHub(): { subscribe: HostSubscription; dispatch: (event: string, payload: unknown) => void } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    dispatch: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
