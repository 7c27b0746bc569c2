import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Security headers on every response. The content security policy allows only same-origin scripts,
 * styles (React Flow and Swagger UI set inline styles), data: images and same-origin fetch and
 * WebSocket. `upgrade-insecure-requests` is off because the factory runs the app over plain HTTP
 * on its LAN (tablets at http://<host>:3000), where that directive would break every asset.
 */
export default fp(
  async function securityHeaders(fastify) {
    await fastify.register(helmet, {
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
  },
  { name: 'security-headers' },
);
