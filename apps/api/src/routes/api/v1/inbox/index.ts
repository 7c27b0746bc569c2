import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  approveInboxSchema,
  inboxItemSchema,
  inboxListQuerySchema,
  inboxPageSchema,
  inboxParamsSchema,
  problemSchema,
  rejectInboxSchema,
} from '@atelier/contracts';
import type { Role } from '../../../../auth/roles.ts';
import { decideInboxItem } from '../../../../inbox/decide-inbox-item.ts';
import { listInbox } from '../../../../inbox/list-inbox.ts';
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

/** `/api/v1/inbox`: what managers must decide (hand-offs of absent operators, unassignable and overdue work). */
const inbox: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['Inbox'],
      summary: 'List the manager inbox',
      description: 'Newest first; filter by kind, status (default open), work center and order.',
      querystring: inboxListQuerySchema,
      response: { 200: inboxPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => listInbox(fastify.db, request.query),
  });

  fastify.post('/:id/approve', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['Inbox'],
      summary: 'Approve an inbox item',
      description:
        "HANDOFF_APPROVAL: the absent operator's item goes to toUserId (or the engine's best present candidate), the time " +
        'so far kept. UNASSIGNABLE: assigned to toUserId, or tried again by the engine. OVERDUE: acknowledged. Decided ' +
        'already → 409 INBOX_ITEM_DECIDED; the item changed meanwhile (piece cancelled …) → 409 SUBJECT_CHANGED, nothing written.',
      params: inboxParamsSchema,
      body: approveInboxSchema,
      response: { 200: inboxItemSchema, ...problems },
    },
    handler: (request) =>
      decideInboxItem(productionContext(fastify, request), request.params.id, {
        approve: true,
        comment: request.body?.comment,
        toUserId: request.body?.toUserId,
      }),
  });

  fastify.post('/:id/reject', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['Inbox'],
      summary: 'Reject an inbox item',
      description: 'Closes it with a comment and changes nothing else (a rejected hand-off stays with its operator).',
      params: inboxParamsSchema,
      body: rejectInboxSchema,
      response: { 200: inboxItemSchema, ...problems },
    },
    handler: (request) =>
      decideInboxItem(productionContext(fastify, request), request.params.id, {
        approve: false,
        comment: request.body?.comment,
      }),
  });
};

export default inbox;
