import type { PrismaClient } from '../generated/prisma/client.ts';

/** Which engine backs the process: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL). */
export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * The one database handle of a process: a Prisma client over a driver adapter, plus a raw SQL
 * runner for the migrator and hand-written hot paths.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  /** Runs one SQL statement (or a script when no params) outside Prisma; returns rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Closes the pool / PGlite instance and releases the data-folder lock. */
  close(): Promise<void>;
}
