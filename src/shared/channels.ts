/**
 * The names of the host's channels, kept apart from their zod schemas so the Electron preload and
 * the browser bridge stay tiny; ipc-contract.ts must define exactly these (a type error otherwise).
 */
export const CHANNELS = ['getKioskInfo', 'listServices'] as const;
export type Channel = (typeof CHANNELS)[number];
