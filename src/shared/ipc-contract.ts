import { z } from 'zod';
import { languageSchema } from './languages.js';
import type { Channel } from './channels.js';
import type { Result } from './result.js';

export { CHANNELS, type Channel } from './channels.js';

const serviceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  priceSom: z.number().int().nonnegative(),
  processingDays: z.number().int().nonnegative(),
  isDemo: z.boolean(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

const kioskInfoSchema = z.object({
  appVersion: z.string(),
  officeName: z.object({ ky: z.string(), ru: z.string(), en: z.string() }),
});
export type KioskInfo = z.infer<typeof kioskInfoSchema>;

/**
 * The one map of everything the renderer may ask the host. The router, the Electron preload and
 * the browser bridge are all derived from it, so a channel without a handler is a type error and
 * a renamed channel breaks the build rather than the kiosk.
 */
export const ipcContract = {
  getKioskInfo: {
    request: z.object({}).strict(),
    response: kioskInfoSchema,
  },
  listServices: {
    request: z.object({ language: languageSchema }).strict(),
    response: z.array(serviceSummarySchema),
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;
export type ChannelRequest<C extends Channel> = z.infer<(typeof ipcContract)[C]['request']>;
export type ChannelResponse<C extends Channel> = z.infer<(typeof ipcContract)[C]['response']>;

export const isChannel = (name: string): name is Channel =>
  Object.prototype.hasOwnProperty.call(ipcContract, name);

/** What `window.kiosk` offers the renderer: one named function per channel, nothing else. */
export type KioskApi = {
  [C in Channel]: (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;
};
