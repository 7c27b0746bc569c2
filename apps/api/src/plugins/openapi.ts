import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { appVersion } from '../version.ts';

/** Where the interactive API documentation (Swagger UI) is served. */
export const API_DOCS_PREFIX = '/api/docs';

/** The parts of an OpenAPI document this module touches. */
interface WithSchemas {
  components?: { schemas?: Record<string, unknown> };
}

/**
 * The zod transform publishes every registered schema twice, as `X` (responses) and `XInput`
 * (requests). Keep an `…Input` variant only when the document refers to it, so integrators see
 * one `ManufacturingOrder`, not an unused twin.
 */
export function withoutUnusedInputSchemas<Document extends object>(document: Document): Document {
  const { components, ...rest } = document as Document & WithSchemas;
  const schemas: Record<string, unknown> = { ...(components?.schemas ?? {}) };
  for (;;) {
    const text = JSON.stringify([rest, { ...components, schemas }]);
    const unused = Object.keys(schemas).filter(
      (name) => name.endsWith('Input') && !text.includes(`"#/components/schemas/${name}"`),
    );
    if (unused.length === 0) break;
    for (const name of unused) delete schemas[name];
  }
  return { ...rest, components: { ...components, schemas } } as Document;
}

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
            'through routing graphs. Errors are RFC 9457 application/problem+json with a stable `code`. On every route: ' +
            '400 `VALIDATION_FAILED` lists each field to fix in `errors` (a NUL character, U+0000, is refused in any text), ' +
            '400 `INVALID_JSON` for a body that is not JSON or not UTF-8, 503 `DATABASE_UNAVAILABLE` with `Retry-After` ' +
            'while the database cannot be reached.',
          version: appVersion,
        },
      },
      transform: jsonSchemaTransform,
      transformObject: (document) => withoutUnusedInputSchemas(jsonSchemaTransformObject(document)),
    });
    await fastify.register(swaggerUi, {
      routePrefix: API_DOCS_PREFIX,
      uiConfig: { validatorUrl: null, deepLinking: true },
    });
  },
  { name: 'openapi' },
);
