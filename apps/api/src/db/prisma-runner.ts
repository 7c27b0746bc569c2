import type { Prisma } from '../generated/prisma/client.ts';
import type { SqlRunner } from './database.ts';

/**
 * Raw SQL through a Prisma transaction client, so hand-written statements (the piece store) run
 * inside a command's Prisma transaction. One statement per call (Prisma binds parameters).
 */
export function prismaRunner(tx: Prisma.TransactionClient): SqlRunner {
  return {
    query: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params),
  };
}
