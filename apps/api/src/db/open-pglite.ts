import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';
import { assertChannelName } from './channel-name.ts';
import { newConnectionName } from './connection-name.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database, DatabaseLogger, SqlRunner } from './database.ts';
import { once } from './once.ts';
import { retryingConflicts } from './transaction-conflict.ts';

/** `dataDir` value for a throw-away in-memory database (tests). */
export const IN_MEMORY = 'memory://';

/**
 * Opens embedded PostgreSQL (PGlite) in this process on `dataDir`, after taking the folder's
 * lock. PGlite runs one connection and serialises callers, so transactions never interleave.
 */
export async function openPglite(dataDir: string, log?: DatabaseLogger): Promise<Database> {
  const inMemory = dataDir === IN_MEMORY;
  const releaseLock = inMemory ? undefined : lockDataDir(dataDir, log);
  try {
    return await wrapPglite(inMemory ? new PGlite() : new PGlite(dataDir), releaseLock);
  } catch (error) {
    releaseLock?.();
    throw error;
  }
}

/**
 * The `Database` over a PGlite instance this module did not open itself (the test harness starts
 * one from a snapshot); `onClose` runs after the instance is closed.
 */
export async function wrapPglite(pglite: PGlite, onClose?: () => void): Promise<Database> {
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  await prisma.$connect();
  // One connection cannot deadlock with itself, but the same database code runs on both engines.
  return retryingConflicts({
    kind: 'pglite',
    connectionName: newConnectionName(),
    prisma,
    query: runnerOf(pglite).query,
    transaction: (work) => pglite.transaction((tx) => work(runnerOf(tx))),
    listen: async (channel, onNotify) => {
      assertChannelName(channel);
      const unlisten = await pglite.listen(channel, onNotify);
      return () => unlisten();
    },
    schemaChanged: () => pglite.refreshArrayTypes(),
    close: once(async () => {
      await prisma.$disconnect();
      await pglite.close();
      onClose?.();
    }),
  });
}

function runnerOf(client: PGlite | Transaction): SqlRunner {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      if (params !== undefined) return (await client.query<T>(sql, params)).rows;
      const results = await client.exec(sql);
      return (results.at(-1)?.rows ?? []) as T[];
    },
  };
}
