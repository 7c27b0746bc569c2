import type { PrismaClient } from '../generated/prisma/client.ts';

/** Which engine backs the process: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL). */
export type DatabaseKind = 'pglite' | 'postgresql';

/** Runs raw SQL on one connection (or inside one transaction). */
export interface SqlRunner {
  /**
   * Runs one SQL statement with `$1…` params and returns its rows. Without params the text may be
   * a script of several statements; the rows of the last one are returned.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
}

/** How a statement runs. */
export interface QueryOptions {
  /**
   * Prepare the statement once per connection under this name (PostgreSQL server; one name per
   * SQL text): later runs skip parsing and planning. For the hot paths' constant statements.
   */
  readonly name?: string;
}

/**
 * The one database handle of a process: a Prisma client over a driver adapter, plus a raw SQL
 * runner for the migrator and hand-written hot paths.
 */
export interface Database extends SqlRunner {
  readonly kind: DatabaseKind;
  /**
   * Names this handle, unique per open: on PostgreSQL every connection of it carries the name as
   * `application_name`, so another process sees in `pg_stat_activity` whether this one still has
   * a connection (the idempotency keys it holds stay in use until none is left).
   */
  readonly connectionName: string;
  readonly prisma: PrismaClient;
  /**
   * Runs `work` in one transaction on one connection: commits when it resolves, rolls back when it
   * throws (and rethrows). For raw-SQL hot paths and the migrator; Prisma code uses
   * `prisma.$transaction`. Inside `work` use only `tx`: on PGlite (one connection) a call to the
   * outer `query` or `prisma` waits for the transaction to end, i.e. forever.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel` (a lower-case identifier),
   * from any process on the same database; resolves once listening. Notifications are a wake-up,
   * not a log: some are lost while a PostgreSQL connection is re-established, so readers catch up
   * from the tables. `onListening(false)` says that the connection dropped and notifications may
   * be missed from now on; `onListening(true)`, that it listens again (PGlite, in-process, never drops).
   */
  listen(channel: string, onNotify: NotificationHandler, onListening?: ListeningHandler): Promise<Unlisten>;
  /**
   * Re-reads the database's types after this handle changed the schema (the migrator calls it).
   * PGlite's client learns the array types once, when it opens: a list of a type created since (on
   * a first start, every enum list such as `users.roles`) would go out as a bare value and be
   * refused as a "malformed array literal". Nothing to do on PostgreSQL, whose driver encodes
   * every array itself.
   */
  schemaChanged(): Promise<void>;
  /** Closes the pool / PGlite instance and releases the data-folder lock; calling it again is harmless. */
  close(): Promise<void>;
}

/** Receives a NOTIFY payload ('' when none was sent). */
export type NotificationHandler = (payload: string) => void;

/** Told when a listening connection drops (false) and when it listens again (true). */
export type ListeningHandler = (listening: boolean) => void;

/** Stops one `listen` subscription. */
export type Unlisten = () => Promise<void>;

/** Where the database layer reports progress (retries, stale locks); a Fastify/pino logger fits. */
export interface DatabaseLogger {
  info(message: string): void;
  warn(message: string): void;
}
