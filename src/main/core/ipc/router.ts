import { ipcContract, isChannel } from '../../../shared/contract/ipc.js';
import { fail, type Result } from '../../../shared/contract/result.js';
import type { ChannelHandlers } from '../handlers.js';
import { describeError, type Logger } from '../logger.js';

export interface Router {
  handle(channel: string, payload: unknown): Promise<Result<unknown>>;
}

/**
 * The host's single entry point for both shells: it validates every request against the contract
 * and passes each handler's Result through, so the page never sees a stack trace and a bug in a
 * handler cannot take the host down.
 */
export function createRouter(handlers: ChannelHandlers, log: Logger): Router {
  return {
    async handle(channel, payload) {
      if (!isChannel(channel)) {
        log.warn('ipc_unknown_channel', { channelLength: channel.length });
        return fail('UNKNOWN_CHANNEL', 'This request is not known to the kiosk.');
      }
      const parsed = ipcContract[channel].request.safeParse(payload ?? {});
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(request)');
        log.warn('ipc_validation_failed', { channel, fields: fields.join(',') });
        return fail('VALIDATION', `The request does not match ${channel}: ${fields.join(', ')}`);
      }
      try {
        const handler = handlers[channel] as (request: unknown) => Result<unknown> | Promise<Result<unknown>>;
        return await handler(parsed.data);
      } catch (error) {
        log.error('ipc_handler_failed', { channel, ...describeError(error) });
        return fail('INTERNAL', 'The kiosk could not complete this request.');
      }
    },
  };
}
