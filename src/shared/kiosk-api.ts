import { CHANNELS, type Channel } from './channels.js';
import type { KioskApi } from './ipc-contract.js';
import type { Result } from './result.js';

/** Carries one request to the host; each shell supplies its own (IPC or loopback HTTP). */
export type HostTransport = (channel: Channel, request: unknown) => Promise<Result<unknown>>;

/**
 * Builds the `window.kiosk` object from the contract: a frozen object with one named function per
 * channel, so the page never gets a generic send that could reach a channel the contract lacks.
 */
export function createKioskApi(transport: HostTransport): KioskApi {
  const api: Record<string, (request: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNELS) {
    api[channel] = (request: unknown) => transport(channel, request);
  }
  return Object.freeze(api) as unknown as KioskApi;
}
