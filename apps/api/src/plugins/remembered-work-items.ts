import fp from 'fastify-plugin';
import { rememberedWorkItems, type RememberedWorkItems } from '../work-items/remembered-work-items.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The work items this app's committed commands wrote last (`work-items/remembered-work-items.ts`). */
    readonly rememberedWorkItems: RememberedWorkItems;
  }
}

/**
 * One memory of written work items per app as `fastify.rememberedWorkItems`, so every route that
 * runs work-item commands shares it (a copy one route forgets is gone for all) and each app on a
 * database, like each replica, has its own.
 */
export default fp(
  async function rememberedWorkItemsPlugin(fastify) {
    fastify.decorate('rememberedWorkItems', rememberedWorkItems());
  },
  { name: 'remembered-work-items' },
);
