import type { Database, DatabaseLogger } from './database.ts';
import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';

/** What `openDatabase` needs; the server reads these from its validated environment. */
export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder (created when missing), or `memory://` for a throw-away database. */
  dataDir: string;
  log?: DatabaseLogger;
  /** How long an unreachable PostgreSQL is retried before failing (default 30 s). */
  connectRetryMs?: number;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

/**
 * Opens the process's database: PostgreSQL through `@prisma/adapter-pg` when `databaseUrl` is
 * given, otherwise PGlite in-process on `dataDir`. Call it once per process and share the result.
 *
 * @throws DatabaseOpenError when the data folder is locked by another live process or the server
 *   stays unreachable; its message is one line to print before exiting 1.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, {
      connectRetryMs: options.connectRetryMs,
      poolSize: options.poolSize,
      log: options.log,
    });
  }
  return openPglite(options.dataDir, options.log);
}
