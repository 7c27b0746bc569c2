import type { IncomingHttpHeaders } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A WebSocket handshake is a GET, but not a safe one: a page of any site may open it, and where
 * the browser sends the session cookie along (a page on a sibling subdomain is the same site for
 * SameSite=Lax; older browsers ignore SameSite) that page reads everything the socket streams.
 */
function isWebSocketHandshake(headers: IncomingHttpHeaders): boolean {
  return headers.upgrade?.toLowerCase() === 'websocket';
}

/**
 * True for a write or a WebSocket handshake that a browser sent on behalf of another site
 * (cross-site request forgery, cross-site WebSocket hijacking): the browser says so
 * (`Sec-Fetch-Site: cross-site`), or names an `Origin` whose host is not the one addressed. The
 * SameSite=Lax cookie already keeps the session out of cross-site writes in current browsers; this
 * is the second lock. Integrators' servers send neither header and are unaffected.
 */
export function isCrossSiteRequest(method: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method) && !isWebSocketHandshake(headers)) return false;
  if (headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  // A sandboxed frame or a privacy redirect says `null`: it cannot be told from a foreign site.
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}
