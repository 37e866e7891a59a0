import type { Channel, ChannelRequest, ChannelResponse } from '../../shared/contract/ipc.js';
import type { Result } from '../../shared/contract/result.js';

/**
 * What a domain hands the router for one channel. An expected refusal (no such service, no
 * content yet) is a `fail(code, message)` value, not an exception: a throw means a bug, and the
 * router answers it as INTERNAL.
 */
export type ChannelHandler<C extends Channel> = (request: ChannelRequest<C>) => Result<ChannelResponse<C>> | Promise<Result<ChannelResponse<C>>>;

/** The handlers a domain owns; the composition root spreads every domain's into one complete map. */
export type HandlersFor<C extends Channel> = { [K in C]: ChannelHandler<K> };
export type ChannelHandlers = HandlersFor<Channel>;
