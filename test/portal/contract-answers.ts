import { expect } from 'vitest';
import { PORTAL_ENDPOINTS, type PortalEndpoint, type PortalEndpointName } from '../../src/shared/contract/portal.js';
import type { Answer } from './support.js';

/**
 * What the contract promises about an endpoint's refusals: a status among its `responses` and an
 * error code among its `errors`. A portal team implements the API from that list, so every
 * refusal the reference portal gives must be on it.
 */

/** `:name` is one path segment (maybe empty); a trailing `*` is the rest of the path. Written here from the contract's own rule, not the portal's. */
const ROUTES = (Object.entries(PORTAL_ENDPOINTS) as [PortalEndpointName, PortalEndpoint][]).map(([name, endpoint]) => ({
  name,
  method: endpoint.method,
  pattern: new RegExp(
    `^${endpoint.pattern
      .split('/')
      .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}$`,
  ),
}));

/** The endpoint a request reaches by its method and path (the query left off), or undefined when it reaches none. */
export function endpointReached(method: string, target: string): PortalEndpointName | undefined {
  const path = target.split(/[?#]/)[0]!;
  return ROUTES.find((route) => route.method === method && route.pattern.test(path))?.name;
}

/** A refusal (status >= 400) from an endpoint is one the contract lists for it. Other answers pass. */
export function expectListedRefusal(name: PortalEndpointName, answer: Answer, label: string = name): void {
  if (answer.status < 400) return;
  const endpoint: PortalEndpoint = PORTAL_ENDPOINTS[name];
  const context = `${label}: ${answer.status} ${answer.text.slice(0, 200)}`;
  expect(Object.keys(endpoint.responses), context).toContain(String(answer.status));
  const code = (answer.json() as { error?: { code?: unknown } }).error?.code;
  expect(endpoint.errors, context).toContain(code);
}
