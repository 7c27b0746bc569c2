import { existsSync, rmSync } from 'node:fs';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { loadEnv } from '../env.ts';

/**
 * `pnpm db:reset`: deletes the embedded database (the DATA_DIR folder), so the next start creates
 * it again, migrated and with the demo data. Refuses while a server uses the folder (its lock), and
 * when DATABASE_URL is set: a PostgreSQL database is dropped with PostgreSQL's own tools, on purpose.
 */
try {
  const env = loadEnv();
  if (env.DATABASE_URL !== undefined) {
    throw new Error(
      'DATABASE_URL is set: db:reset only deletes the embedded database; drop and recreate a PostgreSQL database with its own tools.',
    );
  }
  if (!existsSync(env.DATA_DIR)) {
    console.log(`Nothing to do: there is no embedded database in ${env.DATA_DIR}. The next start creates it.`);
  } else {
    // Taken and never released: the folder and the lock in it go together.
    lockDataDir(env.DATA_DIR);
    rmSync(env.DATA_DIR, { recursive: true, force: true });
    console.log(
      `Deleted the embedded database in ${env.DATA_DIR}. The next start creates it again with the demo data.`,
    );
  }
} catch (error) {
  console.error(`db:reset: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
