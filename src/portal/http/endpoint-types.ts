import type { z } from 'zod';
import type { SignedInAccount } from '../backoffice/back-office-sessions.js';
import type { PortalEndpoint, PortalEndpointName, PortalEndpoints, PortalResponse } from '../../shared/contract/portal.js';

/**
 * What a route handler sees and answers, typed from the endpoint contract: parsed params, headers
 * and body in; a status the contract lists with a body of its schema out. Handlers never touch
 * Fastify, so a domain's routes read as the contract does.
 */
export interface EndpointCall<E extends PortalEndpoint> {
  params: z.output<E['params']>;
  headers: z.output<E['headers']>;
  body: E['body'] extends z.ZodType ? z.output<E['body']> : undefined;
  /** The kiosk behind the request's credential; empty on endpoints without kiosk authentication. */
  kioskCode: string;
  /** The signed-in back office account on officer and administrator endpoints; null on the others. */
  account: SignedInAccount | null;
  /** The client's address and whether its connection to this process is TLS (a proxy in front may add TLS: see behindTls). */
  connection: { address: string; encrypted: boolean };
  /** The request's cookies by name (the back office's session cookie is the only one the portal sets). */
  cookies: Record<string, string | undefined>;
}

type AnswerBody<R> =
  R extends PortalResponse<infer S, infer C>
    ? C extends null
      ? undefined
      : C extends 'application/json'
        ? z.output<S> | Uint8Array // the value, or its exact bytes (a signed manifest)
        : Uint8Array
    : never;

export type EndpointAnswer<E extends PortalEndpoint> = {
  [S in keyof E['responses'] & number]: { status: S; body: AnswerBody<E['responses'][S]>; headers?: Record<string, string> };
}[keyof E['responses'] & number];

export type EndpointHandler<E extends PortalEndpoint> = (call: EndpointCall<E>) => Promise<EndpointAnswer<E>> | EndpointAnswer<E>;

/** One handler per contract endpoint: a missing one does not compile. */
export type EndpointHandlers = { [N in PortalEndpointName]: EndpointHandler<PortalEndpoints[N]> };
