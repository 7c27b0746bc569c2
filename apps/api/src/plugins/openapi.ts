import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { appVersion } from '../version.ts';

/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas, and the interactive page at
 * `/api/docs`. Register before the routes so that every route is collected.
 */
export default fp(
  async function openapi(fastify) {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Atelier Flow API',
          description:
            'Manufacturing execution for leather goods: OEM manufacturing orders and atelier jobs flowing ' +
            'through routing graphs. Errors are RFC 9457 application/problem+json with a stable `code`.',
          version: appVersion,
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await fastify.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { validatorUrl: null, deepLinking: true },
    });
  },
  { name: 'openapi' },
);
