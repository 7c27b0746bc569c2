// Storage start-up figures, as one JSON line: how long opening and migrating the database takes
// on a fresh and on an existing embedded folder, and on PostgreSQL when DATABASE_URL is set (in a
// scratch database that is dropped afterwards). Run: `npx tsx scripts/bench-storage.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

async function openAndMigrate(open: () => Promise<Database>): Promise<{ openMs: number; migrateMs: number; applied: number }> {
  const [db, openMs] = await timed(open);
  try {
    const [result, migrateMs] = await timed(() => migrate(db));
    return { openMs, migrateMs, applied: result.applied.length };
  } finally {
    await db.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'af-bench-'));
try {
  const figures: Record<string, unknown> = {
    pgliteFirstStart: await openAndMigrate(() => openDatabase({ dataDir })),
    pgliteRestart: await openAndMigrate(() => openDatabase({ dataDir })),
  };
  if (process.env.DATABASE_URL) {
    const scratch = await createTestDatabase({ migrate: false });
    await scratch.db.close();
    const open = (): Promise<Database> => openDatabase({ databaseUrl: scratch.databaseUrl, dataDir });
    figures.postgresFirstStart = await openAndMigrate(open);
    figures.postgresRestart = await openAndMigrate(open);
    await scratch.drop();
  }
  console.log(JSON.stringify(figures));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
