import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { openDatabase } from '../db/open-database.ts';
import { wrapPglite } from '../db/open-pglite.ts';

/** A scratch database for one test file. */
export interface TestDatabase {
  db: Database;
  /** URL of the scratch database on PostgreSQL (to open a second handle on it); undefined on PGlite. */
  databaseUrl: string | undefined;
  /** Closes the handle and, on PostgreSQL, drops the scratch database. */
  drop(): Promise<void>;
}

/** Options of `createTestDatabase`. */
export interface TestDatabaseOptions {
  /** Apply the migrations (default true); false gives an empty database for migrator tests. */
  migrate?: boolean;
}

/**
 * A fresh database: in-memory PGlite by default or, when `DATABASE_URL` is set, a new scratch
 * database (`af_test_<unix seconds>_<random>`) on that PostgreSQL server. So the same suite runs
 * on both engines: `npx vitest run` and `DATABASE_URL=postgresql://… npx vitest run`.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrated = options.migrate !== false;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await wrapPglite(new PGlite({ loadDataDir: await emptyPglite() }));
    try {
      // Migrated by the handle the test then uses, as a server's first start does: a handle opened
      // on an already-migrated copy would hide what only a first start gets wrong (issue B1).
      if (migrated) await migrate(db);
      return { db, databaseUrl: undefined, drop: () => db.close() };
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  const databaseUrl = await createScratchDatabase(serverUrl);
  let db: Database | undefined;
  const drop = async (): Promise<void> => {
    await db?.close();
    await dropScratchDatabase(serverUrl, databaseUrl);
  };
  try {
    db = await openDatabase({ databaseUrl, dataDir: '', connectRetryMs: 5_000, poolSize: 4 });
    if (migrated) await migrate(db);
    return { db, databaseUrl, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Whether tests run against a PostgreSQL server (DATABASE_URL set) rather than PGlite. */
export function usingPostgres(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/**
 * Starting PGlite from scratch (initdb) costs seconds; from a snapshot of its data folder, a
 * fraction of that. So each test process runs initdb once, and every test database starts as a
 * copy of that empty database.
 */
let emptySnapshot: Promise<Blob> | undefined;

function emptyPglite(): Promise<Blob> {
  emptySnapshot ??= (async () => {
    const pglite = new PGlite();
    try {
      // dumpDataDir does not wait for initdb itself: before it is done the dump never resolves.
      await pglite.waitReady;
      return await pglite.dumpDataDir('none');
    } finally {
      await pglite.close();
    }
  })();
  return emptySnapshot;
}

/** Scratch databases are named `af_test_<unix seconds>_<random>`; older ones than this are leftovers. */
const LEFTOVER_AFTER_SECONDS = 6 * 3600;

async function createScratchDatabase(serverUrl: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const name = `af_test_${now}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, async (admin) => {
    await dropLeftovers(admin, now);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A run killed before `drop()` leaves its scratch database behind; the next run removes those
 * older than a few hours that nobody is connected to.
 */
async function dropLeftovers(admin: pg.Client, now: number): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database d
      WHERE datname ~ '^af_test_[0-9]+_[0-9a-f]+$'
        AND split_part(datname, '_', 3)::bigint < $1
        AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    [now - LEFTOVER_AFTER_SECONDS],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
}

async function dropScratchDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
