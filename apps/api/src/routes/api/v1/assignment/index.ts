import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assignmentExplainSchema, problemSchema } from '@atelier/contracts';
import { z } from 'zod';
import { explainAssignment } from '../../../../assignment/explain-assignment.ts';

/** `/api/v1/assignment`: what the assignment engine thinks. */
const assignment: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/explain/:workItemId', {
    config: { roles: ['admin', 'manager'] },
    schema: {
      tags: ['Assignment'],
      summary: 'Explain the assignment of a work item',
      description:
        'The rule that applies and where it came from, every operator considered with each score component (or the ' +
        'filter that excluded them), what the engine does with the item, its open offer and its last recorded decision.',
      params: z.object({ workItemId: z.uuid().describe('Work item id (UUID).') }),
      response: {
        200: assignmentExplainSchema,
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
      },
    },
    handler: (request) => explainAssignment(fastify.db, request.params.workItemId),
  });
};

export default assignment;
