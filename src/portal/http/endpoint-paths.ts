import { PORTAL_ENDPOINTS, type PortalEndpointName, type PortalMethod } from '../../shared/contract/portal.js';

/**
 * Which contract endpoints serve a concrete request path, matched on the path as sent (not
 * decoded): for the answers to requests the router does not hand to a route, a method the path
 * does not serve (405 with Allow) or a URL it cannot decode.
 */
const MATCHERS: { name: PortalEndpointName; method: PortalMethod; pattern: RegExp }[] = (
  Object.keys(PORTAL_ENDPOINTS) as PortalEndpointName[]
).map((name) => ({ name, method: PORTAL_ENDPOINTS[name].method, pattern: patternToRegExp(PORTAL_ENDPOINTS[name].pattern) }));

/** The endpoints at the request target's path, whatever their method. */
export function endpointsAt(target: string): PortalEndpointName[] {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  return MATCHERS.filter((matcher) => matcher.pattern.test(path)).map((matcher) => matcher.name);
}

/** The methods the endpoints at the request target's path take, for an Allow header. */
export function methodsServing(target: string): PortalMethod[] {
  return [...new Set(endpointsAt(target).map((name) => PORTAL_ENDPOINTS[name].method))];
}

/** `:name` is one path segment (possibly empty, as the router has it); a trailing `*` is the rest of the path. */
function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
