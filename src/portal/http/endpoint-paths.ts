import { PORTAL_ENDPOINTS, type PortalMethod } from '../../shared/contract/portal.js';

/**
 * Which methods the contract serves at a concrete request path, for the 405's Allow header. The
 * router answers the requests it can route; this only names what a refused method could have been.
 */
const MATCHERS: { method: PortalMethod; pattern: RegExp }[] = Object.values(PORTAL_ENDPOINTS).map((endpoint) => ({
  method: endpoint.method,
  pattern: patternToRegExp(endpoint.pattern),
}));

export function methodsServing(target: string): PortalMethod[] {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  return [...new Set(MATCHERS.filter((matcher) => matcher.pattern.test(path)).map((matcher) => matcher.method))];
}

/** `:name` is one path segment (possibly empty, as the router has it); a trailing `*` is the rest of the path. */
function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
