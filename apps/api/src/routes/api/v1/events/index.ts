import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import type { EventPosition } from '../../../../events/event-position.ts';
import { hiddenNamespaces } from '../../../../events/event-visibility.ts';
import { eventPageSchema, eventsQuerySchema, problemSchema } from '@atelier/contracts';
import { listEvents } from './list-events.ts';
import { resolveSince } from './resolve-since.ts';
import { DEFAULT_STREAM_LIMITS, streamEvents, type StreamLimits } from './stream-events.ts';

/** Options of the events routes: the WebSocket limits (tests shorten them). */
export type EventsRouteOptions = Partial<StreamLimits>;

/**
 * `/api/v1/events`: the outbox for integrators and the web app. `GET` pages through committed
 * events (catch-up); the same URL upgraded to a WebSocket streams them live. Every event is
 * delivered exactly once, in one order, across reconnects: resume with `since` = the `position` of
 * the last event received (commit order is not `seq` order, so the largest seq seen is not it).
 */
const events: FastifyPluginAsyncZod<EventsRouteOptions> = async (fastify, options) => {
  const limits: StreamLimits = { ...DEFAULT_STREAM_LIMITS, ...options };
  // Resolved before the upgrade, so an unknown `since` is a plain HTTP 400, not a dropped socket.
  const resumeAt = new WeakMap<FastifyRequest, EventPosition>();

  fastify.route({
    method: 'GET',
    url: '',
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Events'],
      summary: 'Read events (HTTP) or stream them (WebSocket)',
      description: [
        'HTTP: up to `limit` committed events after `since` (default 0: from the first), in delivery order; page on with `nextSince` while `more`.',
        'Every event carries `position`, the cursor to resume from: reconnect with `since=<position of the last event you received>`, e.g. `?since=7421:352`.',
        'Events arrive in commit order, which is not always `seq` order: resuming from the largest `seq` seen can skip events (a plain `seq` as `since` still means "after that event").',
        'WebSocket (same URL, upgraded): without `since` the stream starts with the next event to commit; with it, the events after it first.',
        'Server messages are JSON: `{"type":"event","event":Event}`, then `{"type":"caught-up"}` once the backlog is sent, then live events.',
        'Send `{"type":"ping"}` for a `{"type":"pong"}`; other client messages get `{"type":"error"}`, over 4 KiB close the socket (1009).',
        'The server pings every 30 s and drops peers that do not answer; a live client more than 1 MiB behind is closed with 4008 (reconnect with `since`).',
        'Events of transactions still in flight are held back until those commit, so no event is skipped even when commits finish out of seq order.',
        'Every role sees shop-floor events; `api_key.*` events are for admins only.',
      ].join(' '),
      querystring: eventsQuerySchema,
      response: { 200: eventPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    preHandler: async (request) => {
      if (request.ws && request.query.since !== undefined)
        resumeAt.set(request, await resolveSince(fastify.db, request.query.since));
    },
    handler: (request) =>
      listEvents(fastify.db, {
        ...request.query,
        since: request.query.since ?? 0,
        hidden: hiddenNamespaces(request.actor.roles),
      }),
    wsHandler: (socket, request) => {
      const from = {
        after: resumeAt.get(request),
        topics: request.query.topics,
        hidden: hiddenNamespaces(request.actor.roles),
      };
      streamEvents(socket, fastify.eventHub, from, limits);
    },
  });
};

export default events;
