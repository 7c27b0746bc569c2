import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignBodySchema,
  emptyBodySchema,
  problemSchema,
  unassignBodySchema,
  workItemAfterCommandSchema,
  workItemParamsSchema,
} from '@atelier/contracts';
import { answerOffer } from '../../../../assignment/answer-offer.ts';
import { assignWorkItem, unassignWorkItem } from '../../../../assignment/assign-work-item.ts';
import type { Role } from '../../../../auth/roles.ts';
import { productionContext } from '../../../../production/production-context.ts';

const MANAGERS: readonly Role[] = ['admin', 'manager'];
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** `/api/v1/work-items/:id/…`: manual assignment and the answers to offers (the assignment engine's commands). */
const workItemAssignment: FastifyPluginAsyncZod = async (fastify) => {
  fastify.post('/:id/assign', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['Work queue'],
      summary: 'Assign a work item to an operator',
      description:
        'A ready or assigned item goes to userId, who must be present and hold the skills and team (422 NOT_ELIGIBLE ' +
        'naming the filter); force: true with a reason overrides that check, recorded on the work_item.assigned event.',
      params: workItemParamsSchema,
      body: assignBodySchema,
      response: { 200: workItemAfterCommandSchema, ...problems },
    },
    handler: (request) => assignWorkItem(productionContext(fastify, request), request.params.id, request.body),
  });

  fastify.post('/:id/unassign', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['Work queue'],
      summary: 'Unassign a work item',
      description: 'An assigned item goes back to ready; the engine skips its former holder for it.',
      params: workItemParamsSchema,
      body: unassignBodySchema,
      response: { 200: workItemAfterCommandSchema, ...problems },
    },
    handler: (request) =>
      unassignWorkItem(productionContext(fastify, request), request.params.id, request.body?.reason),
  });

  for (const accept of [true, false]) {
    fastify.post(accept ? '/:id/accept-offer' : '/:id/decline-offer', {
      config: { roles: ['operator'] },
      schema: {
        tags: ['Work queue'],
        summary: accept ? 'Accept an offered work item' : 'Decline an offered work item',
        description: accept
          ? 'The operator the item is offered to takes it (assigned to them). No open offer to them → 409 OFFER_NOT_OPEN with the current offer.'
          : 'The operator passes; the engine offers the item to the next candidate (after the last, it becomes unassignable).',
        params: workItemParamsSchema,
        body: emptyBodySchema,
        response: { 200: workItemAfterCommandSchema, ...problems },
      },
      handler: (request) => answerOffer(productionContext(fastify, request), request.params.id, accept),
    });
  }
};

export default workItemAssignment;
