import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Database, DatabaseLogger, QueryOptions, SqlRunner } from './database.ts';
import { newConnectionName, withoutApplicationName } from './connection-name.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { once } from './once.ts';
import { createPostgresListener } from './postgres-listener.ts';
import { retryingConflicts } from './transaction-conflict.ts';

/** How `openPostgres` connects. */
export interface PostgresOptions {
  /** Keep retrying an unreachable server this long before giving up (default 30 s). */
  connectRetryMs?: number;
  /** Pool size shared by Prisma and raw SQL (default {@link DEFAULT_POOL_SIZE}). */
  poolSize?: number;
  log?: DatabaseLogger;
}

/**
 * Connections per server process. Small on purpose: a command is a few short statements, so more
 * connections than the database server has cores to run them only add backends competing for
 * those cores. With 2 workers on 2 cores, 5 per worker served more commands per second with a
 * lower p99 than 10 (`pnpm bench:api`, docs/api-conventions.md).
 */
export const DEFAULT_POOL_SIZE = 5;
const DEFAULT_CONNECT_RETRY_MS = 30_000;
const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 2_000;

/**
 * Opens a pool on the PostgreSQL server at `databaseUrl`, shared by the Prisma client and raw SQL.
 * An unreachable server is retried with exponential back-off for `connectRetryMs`, then reported
 * as one `DatabaseOpenError` line.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const connectionName = newConnectionName();
  // The name must be ours: an `application_name` in the URL would win over the pool's option.
  const databaseUrl = withoutApplicationName(url);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    application_name: connectionName,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    // Named (prepared) statements are the hot paths' constant statements over a JSON document or
    // ids: plan them once per connection rather than five times before PostgreSQL decides. No JIT:
    // every statement here is short, and a generic plan's estimate can pass `jit_above_cost`, so
    // each run would compile machine code with LLVM (a quarter of the machine's CPU under load).
    options: '-c plan_cache_mode=force_generic_plan -c jit=off',
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would crash
  // the process. The pool replaces the connection on the next checkout.
  pool.on('error', (error) => options.log?.warn(`PostgreSQL connection lost: ${error.message}`));
  try {
    await waitForServer(pool, databaseUrl, options);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    await prisma.$connect();
    const listener = createPostgresListener(databaseUrl, connectionName, options.log);
    return retryingConflicts({
      kind: 'postgresql',
      connectionName,
      prisma,
      query: runnerOf(pool).query,
      transaction: (work) => inTransaction(pool, work),
      listen: listener.listen,
      schemaChanged: () => Promise.resolve(),
      close: once(async () => {
        await listener.close();
        await prisma.$disconnect();
        await pool.end();
      }),
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
}

async function waitForServer(pool: pg.Pool, databaseUrl: string, options: PostgresOptions): Promise<void> {
  const budgetMs = options.connectRetryMs ?? DEFAULT_CONNECT_RETRY_MS;
  const deadline = Date.now() + budgetMs;
  const where = describeServer(databaseUrl);
  for (let backoffMs = FIRST_BACKOFF_MS; ; backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS)) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Waiting helps when the server is down, starting, restarting or full; not for a bad password or an unknown database.
      if (!isDatabaseUnavailable(error)) {
        throw new DatabaseOpenError('DATABASE_REFUSED', `PostgreSQL at ${where} refused the connection: ${reason}`, {
          cause: error,
        });
      }
      const waitMs = Math.min(backoffMs, deadline - Date.now());
      if (waitMs <= 0) {
        throw new DatabaseOpenError(
          'DATABASE_UNREACHABLE',
          `PostgreSQL at ${where} is unreachable after ${budgetMs / 1000} s of retries (${reason}); check DATABASE_URL and that the server is running.`,
          { cause: error },
        );
      }
      options.log?.warn(`PostgreSQL at ${where} is unreachable (${reason}); retrying in ${waitMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** host:port/database of a URL, never its password. */
export function describeServer(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

async function inTransaction<T>(pool: pg.Pool, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('BEGIN');
    const result = await work(runnerOf(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // A connection that cannot even roll back must not go back to the pool.
      broken = rollbackError;
    }
    throw error;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Raw results read like PGlite's, so code behaves the same on both engines: `bigint` (counts,
 * event seq) as a number rather than a string, and `date` as midnight UTC (as Prisma reads it)
 * rather than midnight in the server's time zone. Prisma's own queries use the adapter's parsers.
 */
const RAW_RESULT_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === DATE_OID) return (value: string) => new Date(`${value}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function runnerOf(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]> {
      const result: pg.QueryResult | pg.QueryResult[] = await client.query({
        text: sql,
        values: params,
        types: RAW_RESULT_TYPES,
        name: options?.name,
      });
      // A multi-statement script yields one result per statement.
      const last = Array.isArray(result) ? result.at(-1) : result;
      return (last?.rows ?? []) as T[];
    },
  };
}
