import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { API_DOCS_PREFIX } from './openapi.ts';

/**
 * Security headers on every response: helmet's set and a `Permissions-Policy`. The content
 * security policy allows only same-origin scripts, styles, data: images and same-origin fetch and
 * WebSocket. Style attributes stay allowed (`style-src-attr 'unsafe-inline'`: React sets inline
 * styles through the DOM, and React Flow positions nodes so), inline `<style>` elements do not:
 * the built app has none, checked in Chromium. `upgrade-insecure-requests` is off because the
 * factory runs the app over plain HTTP on its LAN (tablets at http://<host>:3000), where that
 * directive would break every asset.
 *
 * The helmet middleware is built once (its policy parsed once) and applied to each request's raw
 * response; `@fastify/helmet` built it anew for every request.
 */
function securityHeadersWith(styleSrc: string[]) {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc,
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS would pin browsers to HTTPS on a host that may only ever speak HTTP on the shop floor.
    strictTransportSecurity: false,
  });
}

const applySecurityHeaders = securityHeadersWith(["'self'"]);
/** Swagger UI (`/api/docs`) adds an inline `<style>` element at run time; only its pages may. */
const applyApiDocsSecurityHeaders = securityHeadersWith(["'self'", "'unsafe-inline'"]);

/**
 * Browser features the app never uses, denied to its pages and to anything injected into them
 * (`Permissions-Policy`, which helmet does not set). Only features Chromium knows are listed: it
 * warns on every page about an unknown one (Chromium 156 does not know `bluetooth`). Fullscreen
 * and screen wake lock stay allowed for station tablets.
 */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** The Swagger UI page and its assets. */
function isApiDocsPath(url: string): boolean {
  return url === API_DOCS_PREFIX || url.startsWith(`${API_DOCS_PREFIX}/`) || url.startsWith(`${API_DOCS_PREFIX}?`);
}

/**
 * Sets the security headers on the answer to `request`. The plugin's `onRequest` hook does it for
 * every request the router accepts; an answer Fastify gives before routing (its `frameworkErrors`,
 * which run no hooks) calls it itself.
 */
export function setSecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  done: (error?: Error) => void = () => undefined,
): void {
  reply.header('permissions-policy', PERMISSIONS_POLICY);
  const apply = isApiDocsPath(request.url) ? applyApiDocsSecurityHeaders : applySecurityHeaders;
  apply(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
}

export default fp(
  async function securityHeaders(fastify) {
    fastify.addHook('onRequest', (request, reply, done) => setSecurityHeaders(request, reply, done));
  },
  { name: 'security-headers' },
);
