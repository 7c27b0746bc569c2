// Storage start-up figures, as one JSON line: how long opening and migrating the database takes
// on a fresh and on an existing embedded folder, and on PostgreSQL when DATABASE_URL is set (in a
// scratch database that is dropped afterwards); and what a migrated PGlite test database costs
// from scratch versus from the harness's snapshot. Run: `npx tsx scripts/bench-storage.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { IN_MEMORY } from '../src/db/open-pglite.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

async function openAndMigrate(
  open: () => Promise<Database>,
): Promise<{ openMs: number; migrateMs: number; applied: number }> {
  const [db, openMs] = await timed(open);
  try {
    const [result, migrateMs] = await timed(() => migrate(db));
    return { openMs, migrateMs, applied: result.applied.length };
  } finally {
    await db.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A migrated in-memory PGlite built from scratch each time, versus from the harness's snapshot. */
async function pgliteTestDatabases(runs: number): Promise<Record<string, number>> {
  const scratch: number[] = [];
  const snapshot: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const [fresh, freshMs] = await timed(async () => {
      const db = await openDatabase({ dataDir: IN_MEMORY });
      await migrate(db);
      return db;
    });
    await fresh.close();
    const [copy, copyMs] = await timed(() => createTestDatabase());
    await copy.drop();
    // Run 0 builds the snapshot: count it apart.
    if (run > 0) {
      scratch.push(freshMs);
      snapshot.push(copyMs);
    }
  }
  return { fromScratchMedianMs: median(scratch), fromSnapshotMedianMs: median(snapshot) };
}

const dataDir = mkdtempSync(join(tmpdir(), 'af-bench-'));
try {
  const figures: Record<string, unknown> = {
    pgliteFirstStart: await openAndMigrate(() => openDatabase({ dataDir })),
    pgliteRestart: await openAndMigrate(() => openDatabase({ dataDir })),
  };
  if (!process.env.DATABASE_URL) figures.pgliteTestDatabase = await pgliteTestDatabases(5);
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
