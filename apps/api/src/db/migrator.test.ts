import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres } from '../testing/test-database.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import type { Database } from './database.ts';
import { DEFAULT_MIGRATIONS_DIR, migrate, MigrationError, readMigrations } from './migrator.ts';
import { openDatabase } from './open-database.ts';

describe('migrate', () => {
  let testDb: TestDatabase;
  let db: Database;
  let dir: string;

  /** Writes `<dir>/<name>/migration.sql`. */
  function addMigration(name: string, sql: string): void {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }

  async function ledger(): Promise<string[]> {
    const rows = await db.query<{ name: string }>('SELECT "name" FROM "_migrations" ORDER BY "name"');
    return rows.map((row) => row.name);
  }

  beforeEach(async () => {
    testDb = await createTestDatabase({ migrate: false });
    db = testDb.db;
    dir = mkdtempSync(join(tmpdir(), 'af-migrations-'));
  });
  afterEach(async () => {
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies migrations in timestamp order, each recorded with its checksum', async () => {
    // Written out of order on purpose: the second depends on the first.
    addMigration('20260102000000_add_pieces', 'INSERT INTO "bags" ("name") VALUES (\'tote\'), (\'wallet\');');
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" ("name" TEXT PRIMARY KEY);');

    const result = await migrate(db, dir);

    expect(result).toEqual({ applied: ['20260101000000_create_bags', '20260102000000_add_pieces'], total: 2 });
    expect(await db.query('SELECT "name" FROM "bags" ORDER BY "name"')).toEqual([{ name: 'tote' }, { name: 'wallet' }]);
    const rows = await db.query<{ name: string; checksum: string }>(
      'SELECT "name", "checksum" FROM "_migrations" ORDER BY "name"',
    );
    expect(rows).toEqual(readMigrations(dir).map(({ name, checksum }) => ({ name, checksum })));
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is a no-op when run again, and applies only what was added since', async () => {
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" ("name" TEXT PRIMARY KEY);');
    await migrate(db, dir);

    expect(await migrate(db, dir)).toEqual({ applied: [], total: 1 });

    addMigration('20260103000000_add_colour', 'ALTER TABLE "bags" ADD COLUMN "colour" TEXT;');
    expect(await migrate(db, dir)).toEqual({ applied: ['20260103000000_add_colour'], total: 2 });
    expect(await ledger()).toEqual(['20260101000000_create_bags', '20260103000000_add_colour']);
  });

  it('refuses an applied migration that was edited, naming it, and applies nothing', async () => {
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" ("name" TEXT PRIMARY KEY);');
    await migrate(db, dir);
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" ("name" TEXT PRIMARY KEY, "size" TEXT);');
    addMigration('20260102000000_create_belts', 'CREATE TABLE "belts" ("name" TEXT);');

    const run = migrate(db, dir);

    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(/Migration 20260101000000_create_bags was edited after it was applied/);
    expect(await ledger()).toEqual(['20260101000000_create_bags']);
    expect(await db.query("SELECT to_regclass('belts')::text AS t")).toEqual([{ t: null }]);
  });

  it('treats a checkout with Windows line endings as unchanged', async () => {
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" (\n  "name" TEXT\n);\n');
    await migrate(db, dir);
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" (\r\n  "name" TEXT\r\n);\r\n');

    expect(await migrate(db, dir)).toEqual({ applied: [], total: 1 });
  });

  it('rolls back a failing migration completely and names it', async () => {
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" ("name" TEXT PRIMARY KEY);');
    addMigration(
      '20260102000000_broken',
      'CREATE TABLE "straps" ("name" TEXT); INSERT INTO "no_such_table" VALUES (1);',
    );

    await expect(migrate(db, dir)).rejects.toThrow(
      /Migration 20260102000000_broken failed and was rolled back: .*no_such_table/,
    );

    expect(await ledger()).toEqual(['20260101000000_create_bags']);
    expect(await db.query("SELECT to_regclass('straps')::text AS t")).toEqual([{ t: null }]);
  });

  it('leaves the handle ready for lists of the types a migration created (array parameters)', async () => {
    addMigration(
      '20260101000000_create_bags',
      `CREATE TYPE "leather" AS ENUM ('calf', 'ostrich'); CREATE TABLE "bags" ("name" TEXT, "leathers" "leather"[]);`,
    );
    await migrate(db, dir);
    await db.query('INSERT INTO "bags" VALUES ($1, $2), ($3, $4)', ['tote', ['calf'], 'clutch', ['calf', 'ostrich']]);

    expect(await db.query('SELECT "name" FROM "bags" WHERE "leathers" @> $1 ORDER BY "name"', [['ostrich']])).toEqual([
      { name: 'clutch' },
    ]);
  });

  it('refuses a migration folder without migration.sql', async () => {
    mkdirSync(join(dir, '20260101000000_empty'));
    await expect(migrate(db, dir)).rejects.toThrow(/Migration 20260101000000_empty has no migration.sql/);
  });

  it('applies each migration once when two migrators start together', async () => {
    // Neither migration can run twice: a second CREATE TABLE would fail. The sleep widens the
    // window in which the second migrator must wait for the first.
    addMigration('20260101000000_create_bags', 'CREATE TABLE "bags" ("name" TEXT PRIMARY KEY); SELECT pg_sleep(0.3);');
    addMigration(
      '20260102000000_create_belts',
      'CREATE TABLE "belts" ("name" TEXT PRIMARY KEY); SELECT pg_sleep(0.3);',
    );
    // On PostgreSQL the second migrator is a separate connection pool, as a second replica would be.
    const second = testDb.databaseUrl ? await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: '' }) : db;
    try {
      const results = await Promise.all([migrate(db, dir), migrate(second, dir)]);

      const applied = results.flatMap((result) => result.applied).sort();
      expect(applied).toEqual(['20260101000000_create_bags', '20260102000000_create_belts']);
      expect(await ledger()).toEqual(applied);
    } finally {
      if (second !== db) await second.close();
    }
  });

  it(`builds the real schema from prisma/migrations on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, async () => {
    const result = await migrate(db);

    expect(result.total).toBe(readMigrations(DEFAULT_MIGRATIONS_DIR).length);
    expect(result.applied).toHaveLength(result.total);
    expect(await db.query("SELECT to_regclass('work_items')::text AS t")).toEqual([{ t: 'work_items' }]);
  });
});
