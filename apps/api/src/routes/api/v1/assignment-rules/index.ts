import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignmentRuleListSchema,
  assignmentRuleParamsSchema,
  assignmentRuleSchema,
  createAssignmentRuleSchema,
  problemSchema,
  updateAssignmentRuleSchema,
} from '@atelier/contracts';
import { getAssignmentRule, listAssignmentRules } from '../../../../assignment/rules/assignment-rule-view.ts';
import {
  createAssignmentRule,
  deleteAssignmentRule,
  updateAssignmentRule,
} from '../../../../assignment/rules/save-assignment-rule.ts';
import type { Role } from '../../../../auth/roles.ts';
import { productionContext } from '../../../../production/production-context.ts';

const READERS: readonly Role[] = ['admin', 'manager', 'designer', 'integrator'];
const WRITERS: readonly Role[] = ['admin', 'manager'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/**
 * `/api/v1/assignment-rules`: how the assignment engine treats a node of a routing or a whole work
 * center (a node's rule wins over its work center's, which wins over the node config's policy).
 */
const assignmentRules: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: READERS },
    schema: {
      tags: ['Assignment'],
      summary: 'List assignment rules',
      response: { 200: assignmentRuleListSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: () => listAssignmentRules(fastify.db),
  });

  fastify.get('/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['Assignment'],
      summary: 'Get an assignment rule',
      params: assignmentRuleParamsSchema,
      response: { 200: assignmentRuleSchema, ...problems },
    },
    handler: (request) => getAssignmentRule(fastify.db, request.params.id),
  });

  fastify.post('', {
    config: { roles: WRITERS },
    schema: {
      tags: ['Assignment'],
      summary: 'Create an assignment rule',
      description:
        'For a node (graph + nodeKey) or a work center: policy auto | offer | pool | manual, claim and offer timeouts, ' +
        'the candidate filter (team, extra skills, open-load cap) and ranking weights. An unknown graph, node, work ' +
        'center, team or skill is 422 UNKNOWN_REFERENCE naming the field. Every change is an event.',
      body: createAssignmentRuleSchema,
      response: { 201: assignmentRuleSchema, ...problems },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createAssignmentRule(productionContext(fastify, request), request.body)),
  });

  fastify.patch('/:id', {
    config: { roles: WRITERS },
    schema: {
      tags: ['Assignment'],
      summary: 'Change an assignment rule',
      params: assignmentRuleParamsSchema,
      body: updateAssignmentRuleSchema,
      response: { 200: assignmentRuleSchema, ...problems },
    },
    handler: (request) => updateAssignmentRule(productionContext(fastify, request), request.params.id, request.body),
  });

  fastify.delete('/:id', {
    config: { roles: WRITERS },
    schema: {
      tags: ['Assignment'],
      summary: 'Delete an assignment rule',
      params: assignmentRuleParamsSchema,
      response: { 204: z.null().describe('Deleted.'), ...problems },
    },
    handler: async (request, reply) => {
      await deleteAssignmentRule(productionContext(fastify, request), request.params.id);
      return reply.code(204).send(null);
    },
  });
};

export default assignmentRules;
