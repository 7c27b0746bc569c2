import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers on every response: helmet's set and a `Permissions-Policy`. The content security policy allows only same-origin scripts,
 * styles (React Flow and Swagger UI set inline styles), data: images and same-origin fetch and
 * WebSocket. `upgrade-insecure-requests` is off because the factory runs the app over plain HTTP
 * on its LAN (tablets at http://<host>:3000), where that directive would break every asset.
 *
 * The helmet middleware is built once (its policy parsed once) and applied to each request's raw
 * response; `@fastify/helmet` built it anew for every request.
 */
const applySecurityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
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

/**
 * Browser features the app never uses, denied to its pages and to anything injected into them
 * (`Permissions-Policy`, which helmet does not set). Only features Chromium knows are listed: it
 * logs an error for every unknown one. Fullscreen and screen wake lock stay allowed for station
 * tablets.
 */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'bluetooth',
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

export default fp(
  async function securityHeaders(fastify) {
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.header('permissions-policy', PERMISSIONS_POLICY);
      applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
    });
  },
  { name: 'security-headers' },
);
