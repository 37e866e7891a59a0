import {
  ipcContract,
  isChannel,
  type Channel,
  type ChannelRequest,
  type ChannelResponse,
} from '../../../shared/contract/ipc.js';
import { fail, ok, type ErrorCode, type Result } from '../../../shared/contract/result.js';
import { describeError, type Logger } from '../logger.js';

export type ChannelHandlers = {
  [C in Channel]: (request: ChannelRequest<C>) => ChannelResponse<C> | Promise<ChannelResponse<C>>;
};

/**
 * Thrown by a handler for an answer that is not a bug (a service the catalogue lacks, no content
 * yet): it reaches the page as its code, and is not logged as a failure.
 */
export class ExpectedFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExpectedFailure';
  }
}

export interface Router {
  handle(channel: string, payload: unknown): Promise<Result<unknown>>;
}

/**
 * The host's single entry point for both shells: it validates every request against the contract
 * and turns every outcome into a Result, so the page never sees a stack trace and a bug in a
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
        const handler = handlers[channel] as (request: unknown) => unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        if (error instanceof ExpectedFailure) return fail(error.code, error.message);
        log.error('ipc_handler_failed', { channel, ...describeError(error) });
        return fail('INTERNAL', 'The kiosk could not complete this request.');
      }
    },
  };
}
