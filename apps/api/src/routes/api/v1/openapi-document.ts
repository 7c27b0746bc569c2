import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** `GET /api/v1/openapi.json`: the OpenAPI 3.1 document generated from the route schemas. */
const openapiDocument: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () => fastify.swagger());
};

export default openapiDocument;
