import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogContext } from '../../../../catalog/catalog-context.ts';
import { catalogRoutes } from '../../../../catalog/catalog-routes.ts';
import { deleteNodePreset } from '../../../../catalog/delete-node-preset.ts';
import { nodePresetResource } from '../../../../catalog/node-preset-resource.ts';
import {
  createNodePresetSchema,
  idOrCodeParamsSchema,
  nodePresetItemSchema,
  nodePresetPageSchema,
  problemSchema,
  updateNodePresetSchema,
} from '@atelier/contracts';

/**
 * `/api/v1/node-presets`: the designer's palette, shipped defaults (read-only) merged with the
 * factory's own presets. Admins and designers manage them; managers read them too.
 */
const nodePresets: FastifyPluginAsyncZod = async (fastify) => {
  await fastify.register(
    catalogRoutes({
      resource: nodePresetResource,
      tag: 'Routing graphs',
      nouns: ['node preset', 'node presets'],
      itemSchema: nodePresetItemSchema,
      pageSchema: nodePresetPageSchema,
      createSchema: createNodePresetSchema,
      updateSchema: updateNodePresetSchema,
      readRoles: ['admin', 'designer', 'manager'],
      writeRoles: ['admin', 'designer'],
      toCreate: (body) => body,
      toUpdate: (body) => body,
    }),
  );

  fastify.delete('/:id', {
    config: { roles: ['admin', 'designer'] },
    schema: {
      tags: ['Routing graphs'],
      summary: 'Delete a node preset',
      description:
        'Only a preset the factory defined, and only while no routing version names it (409 NODE_PRESET_IN_USE, with ' +
        '`usedBy`; deactivate it instead). Shipped presets: 409 NODE_PRESET_BUILTIN.',
      params: idOrCodeParamsSchema,
      response: {
        204: z.null().describe('Deleted.'),
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
        409: problemSchema,
      },
    },
    handler: async (request, reply) => {
      await deleteNodePreset(catalogContext(fastify, request), request.params.id);
      return reply.code(204).send(null);
    },
  });
};

export default nodePresets;
