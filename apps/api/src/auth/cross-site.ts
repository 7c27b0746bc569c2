import type { IncomingHttpHeaders } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True for a write a browser sent on behalf of another site (cross-site request forgery): the
 * browser says so (`Sec-Fetch-Site: cross-site`), or names an `Origin` whose host is not the one
 * addressed. The SameSite=Lax cookie already keeps the session out of such requests in current
 * browsers; this is the second lock. Integrators' servers send neither header and are unaffected.
 */
export function isCrossSiteWrite(method: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method)) return false;
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
