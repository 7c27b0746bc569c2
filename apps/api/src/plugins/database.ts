import fp from 'fastify-plugin';
import type { Database } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's one database handle (Prisma client + raw SQL). Its owner, not the app, closes it. */
    readonly db: Database;
  }
}

/** Options of the database plugin: the handle opened by the caller (server.ts or a test). */
export interface DatabasePluginOptions {
  readonly db: Database;
}

/** Makes the database available to every route as `fastify.db`. */
export default fp<DatabasePluginOptions>(
  async function database(fastify, { db }) {
    fastify.decorate('db', db);
  },
  { name: 'database' },
);
