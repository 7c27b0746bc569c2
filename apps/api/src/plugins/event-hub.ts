import websocket from '@fastify/websocket';
import fp from 'fastify-plugin';
import { createEventHub, type EventHub } from '../events/event-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Delivers committed events to this process's subscribers; commands call `wake()` after commit. */
    readonly eventHub: EventHub;
  }
}

/** Largest message a WebSocket client may send (it only ever sends pings); larger closes with 1009. */
const MAX_CLIENT_MESSAGE_BYTES = 4 * 1024;

/**
 * The process's event hub as `fastify.eventHub`, and WebSocket support for the event stream. The
 * hub starts when the app is ready (after the host has migrated the database) and stops when the
 * app closes.
 */
export default fp(
  async function eventHub(fastify) {
    await fastify.register(websocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });
    const hub = createEventHub(fastify.db, {
      log: { info: (line) => fastify.log.info(line), warn: (line) => fastify.log.warn(line) },
    });
    fastify.decorate('eventHub', hub);
    fastify.addHook('onReady', () => hub.start());
    fastify.addHook('onClose', () => hub.stop());
  },
  { name: 'event-hub', dependencies: ['database'] },
);
