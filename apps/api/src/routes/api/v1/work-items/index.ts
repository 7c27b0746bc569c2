import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVERY_ROLE, type Role } from '../../../../auth/roles.ts';
import {
  claimNextBodySchema,
  completeBodySchema,
  completionSchema,
  emptyBodySchema,
  handOffBodySchema,
  pauseBodySchema,
  problemSchema,
  requeueBodySchema,
  workItemAfterCommandSchema,
  workItemListQuerySchema,
  workItemPageSchema,
  workItemParamsSchema,
  workItemSchema,
} from '@atelier/contracts';
import { productionContext } from '../../../../production/production-context.ts';
import type { WorkItemCommandContext } from '../../../../work-items/work-item-command-context.ts';
import { claimNextWorkItem, claimWorkItem } from '../../../../work-items/claim-work-item.ts';
import { completeWorkItem } from '../../../../work-items/complete-work-item.ts';
import { getWorkItem } from '../../../../work-items/get-work-item.ts';
import { handOffWorkItem } from '../../../../work-items/hand-off-work-item.ts';
import { joinWorkItem } from '../../../../work-items/join-work-item.ts';
import { listWorkItems } from '../../../../work-items/list-work-items.ts';
import { requeueWorkItem } from '../../../../work-items/requeue-work-item.ts';
import { workOnWorkItem, type WorkCommand } from '../../../../work-items/work-on-work-item.ts';

/** Operators work their own items; managers and admins may also send any item back or hand it over. */
const OPERATOR: readonly Role[] = ['operator'];
const OPERATOR_OR_SUPERVISOR: readonly Role[] = ['operator', 'manager', 'admin'];

/** Every answer a command may give besides its success. */
const commandProblems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

const WORK_COMMANDS: readonly { type: WorkCommand; summary: string; description: string }[] = [
  {
    type: 'start',
    summary: 'Start a work item',
    description: 'The holder starts the clock of every bound operator (multi-operator steps need their minimum first).',
  },
  {
    type: 'pause',
    summary: 'Pause a work item',
    description:
      'A bound operator pauses the item, optionally with a `reason` (break, material, tool, question, shift_end, other); every running clock stops.',
  },
  {
    type: 'resume',
    summary: 'Resume a paused work item',
    description: "A bound operator resumes; every bound operator's clock runs again.",
  },
  {
    type: 'leave',
    summary: 'Leave a multi-operator work item',
    description: 'A colleague leaves; their time so far stays. The last operator cannot leave.',
  },
];

/** The reason a pause body gives, if any (the other clock commands' bodies are empty). */
function pauseReasonOf(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null && 'reason' in body && typeof body.reason === 'string'
    ? body.reason
    : undefined;
}

/** `/api/v1/work-items`: the work queue and its commands. */
const workItems: FastifyPluginAsyncZod = async (fastify) => {
  // Items as this app's commands left them: a start right after its claim needs no read.
  const context = (request: FastifyRequest): WorkItemCommandContext => ({
    ...productionContext(fastify, request),
    remembered: fastify.rememberedWorkItems,
  });

  fastify.get('', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Work queue'],
      summary: 'List work items',
      description:
        'Filter by state, node, work center, `assignee=me` (my work) or `available=me` (what I may claim). Highest priority first, then oldest.',
      querystring: workItemListQuerySchema,
      response: { 200: workItemPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => listWorkItems(fastify.db, request.actor.userId, request.query),
  });

  fastify.get('/:id', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Work queue'],
      summary: 'Get a work item',
      description: 'With token serial, order code, node instructions, operators and their worked time.',
      params: workItemParamsSchema,
      response: { 200: workItemSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
    },
    handler: (request) => getWorkItem(fastify.db, request.params.id),
  });

  fastify.post('/:id/claim', {
    config: { roles: OPERATOR },
    schema: {
      tags: ['Work queue'],
      summary: 'Claim a work item',
      description:
        "Atomic: of simultaneous claims exactly one wins; the others get 409 `ALREADY_CLAIMED` with `heldBy`. Needs the step's skills and team (403 `NOT_QUALIFIED`).",
      params: workItemParamsSchema,
      body: emptyBodySchema,
      response: { 200: workItemAfterCommandSchema, ...commandProblems },
    },
    handler: (request) => claimWorkItem(context(request), request.params.id),
  });

  fastify.post('/claim-next', {
    config: { roles: OPERATOR },
    schema: {
      tags: ['Work queue'],
      summary: 'Claim the next work item',
      description:
        '"Take the next piece": claims the first item (queue order) of a node and/or work center that I may claim now, atomically. Simultaneous calls each get a different item. 404 `NO_WORK_AVAILABLE` when none is ready for me.',
      body: claimNextBodySchema,
      response: { 200: workItemAfterCommandSchema, ...commandProblems },
    },
    handler: (request) => claimNextWorkItem(context(request), request.body ?? {}),
  });

  for (const command of WORK_COMMANDS) {
    fastify.post(`/:id/${command.type}`, {
      config: { roles: OPERATOR },
      schema: {
        tags: ['Work queue'],
        summary: command.summary,
        description: `${command.description} Only operators bound to the item (403 \`NOT_HOLDER\`).`,
        params: workItemParamsSchema,
        // A pause may say why; the other clock commands take no body.
        body: command.type === 'pause' ? pauseBodySchema : emptyBodySchema,
        response: { 200: workItemAfterCommandSchema, ...commandProblems },
      },
      handler: (request) =>
        workOnWorkItem(context(request), request.params.id, command.type, pauseReasonOf(request.body)),
    });
  }

  fastify.post('/:id/join', {
    config: { roles: OPERATOR },
    schema: {
      tags: ['Work queue'],
      summary: 'Join a multi-operator work item',
      description: "Up to the step's maximum operators; needs its skills and team (403 `NOT_QUALIFIED`).",
      params: workItemParamsSchema,
      body: emptyBodySchema,
      response: { 200: workItemAfterCommandSchema, ...commandProblems },
    },
    handler: (request) => joinWorkItem(context(request), request.params.id),
  });

  fastify.post('/:id/complete', {
    config: { roles: OPERATOR },
    schema: {
      tags: ['Work queue'],
      summary: 'Complete a work item',
      description:
        'A bound operator completes it; the piece moves on in the same transaction (next work items, split, join, end, QC rework or manager inbox). A QC step needs `qc` (422 `QC_RESULT_REQUIRED`, `QC_REASON_REQUIRED`).',
      params: workItemParamsSchema,
      body: completeBodySchema,
      response: { 200: completionSchema, ...commandProblems },
    },
    handler: (request) => completeWorkItem(context(request), request.params.id, request.body?.qc),
  });

  fastify.post('/:id/requeue', {
    config: { roles: OPERATOR_OR_SUPERVISOR },
    schema: {
      tags: ['Work queue'],
      summary: 'Send a work item back to the queue',
      description:
        'An assigned, not yet started item returns to `ready`. Its holder, or a manager or admin for any item.',
      params: workItemParamsSchema,
      body: requeueBodySchema,
      response: { 200: workItemAfterCommandSchema, ...commandProblems },
    },
    handler: (request) => requeueWorkItem(context(request), request.params.id, request.body?.reason),
  });

  fastify.post('/:id/handoff', {
    config: { roles: OPERATOR_OR_SUPERVISOR },
    schema: {
      tags: ['Work queue'],
      summary: 'Hand a work item to a colleague',
      description:
        'In progress or paused; the time so far stays with the giver. A bound operator hands off their place; a manager or admin any (422 when the colleague is not an active, qualified operator).',
      params: workItemParamsSchema,
      body: handOffBodySchema,
      response: { 200: workItemAfterCommandSchema, ...commandProblems },
    },
    handler: (request) => handOffWorkItem(context(request), request.params.id, request.body),
  });
};

export default workItems;
