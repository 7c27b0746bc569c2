import fp from 'fastify-plugin';
import { createEventHub, type EventHub } from '../events/event-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Delivers committed events to this process's subscribers; commands call `wake()` after commit. */
    readonly eventHub: EventHub;
  }
}

/**
 * The process's event hub as `fastify.eventHub`. It starts when the app is ready (after the host
 * has migrated the database) and stops when the app closes.
 */
export default fp(
  async function eventHub(fastify) {
    const hub = createEventHub(fastify.db, { log: { info: (line) => fastify.log.info(line), warn: (line) => fastify.log.warn(line) } });
    fastify.decorate('eventHub', hub);
    fastify.addHook('onReady', () => hub.start());
    fastify.addHook('onClose', () => hub.stop());
  },
  { name: 'event-hub', dependencies: ['database'] },
);
