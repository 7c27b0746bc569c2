import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, SqlRunner } from './database.ts';

/** The repository's `prisma/migrations` folder. */
export const DEFAULT_MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations');

/** Outcome of a `migrate` run. */
export interface MigrateResult {
  /** Migrations applied by this run, in order (empty when the database was up to date). */
  applied: string[];
  /** Migrations found on disk. */
  total: number;
}

/** A migration that is refused or fails; the message names it. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    readonly migration: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  name: string;
  checksum: string;
}

/**
 * Every migration transaction starts by taking this advisory lock, so replicas starting together
 * apply each migration once: the second waits, then sees it recorded. A transaction-scoped lock
 * needs no dedicated connection and is released by commit or rollback, even on a crash.
 */
const MIGRATION_LOCK_KEY = 7_301_552_014_823_446_017n;

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS "_migrations" (
    "name" TEXT PRIMARY KEY,
    "checksum" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
  )`;

/**
 * Applies the SQL migrations of `migrationsDir` (`<timestamp>_<name>/migration.sql`, in name
 * order) that the database has not recorded yet, each in its own transaction together with its
 * row in `_migrations` (name + sha256 checksum). Re-running is a no-op.
 *
 * @throws MigrationError when an already-applied migration was edited (its checksum changed) or a
 *   migration fails; nothing of the failing migration is kept.
 */
export async function migrate(db: Database, migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = readMigrations(migrationsDir);
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.query(CREATE_LEDGER);
  });

  const recorded = await db.query<AppliedRow>('SELECT "name", "checksum" FROM "_migrations"');
  const recordedChecksums = new Map(recorded.map((row) => [row.name, row.checksum]));
  for (const migration of migrations) {
    assertUnchanged(migration, recordedChecksums.get(migration.name));
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    if (recordedChecksums.has(migration.name)) continue;
    const didApply = await db.transaction(async (tx) => {
      await lock(tx);
      // Another replica may have applied it while we waited for the lock.
      const [row] = await tx.query<AppliedRow>('SELECT "name", "checksum" FROM "_migrations" WHERE "name" = $1', [
        migration.name,
      ]);
      if (row) {
        assertUnchanged(migration, row.checksum);
        return false;
      }
      await runScript(tx, migration);
      await tx.query('INSERT INTO "_migrations" ("name", "checksum") VALUES ($1, $2)', [
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(migration.name);
  }
  // Types a migration created are unknown to a PGlite handle opened before it (`schemaChanged`).
  if (applied.length > 0) await db.schemaChanged();
  return { applied, total: migrations.length };
}

/** Reads `<dir>/<name>/migration.sql` for every sub-folder, sorted by name (timestamp first). */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(migrationsDir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationError(name, `Migration ${name} has no migration.sql (${file}).`);
      // Line endings are normalised so a Windows checkout does not look like an edit.
      const sql = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

function assertUnchanged(migration: MigrationFile, recordedChecksum: string | undefined): void {
  if (recordedChecksum === undefined || recordedChecksum === migration.checksum) return;
  throw new MigrationError(
    migration.name,
    `Migration ${migration.name} was edited after it was applied (checksum ${recordedChecksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk); restore it and add a new migration instead.`,
  );
}

async function runScript(tx: SqlRunner, migration: MigrationFile): Promise<void> {
  try {
    await tx.query(migration.sql);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(migration.name, `Migration ${migration.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}

async function lock(tx: SqlRunner): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
}
