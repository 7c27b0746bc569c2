// `pnpm db:migrate`: applies pending SQL migrations to the configured database (DATABASE_URL, or
// the embedded one in DATA_DIR) and prints what it did. Exit 1 with one line on any failure.
import { EnvError, loadEnv } from '../env.ts';
import { DatabaseOpenError } from '../db/database-open-error.ts';
import { migrate, MigrationError } from '../db/migrator.ts';
import { openDatabase } from '../db/open-database.ts';

async function main(): Promise<void> {
  const env = loadEnv();
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    connectRetryMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    log: { info: (line) => console.log(line), warn: (line) => console.warn(line) },
  });
  try {
    const { applied, total } = await migrate(db);
    const names = applied.length > 0 ? `: ${applied.join(', ')}` : '';
    console.log(`Migrations on ${db.kind}: applied ${applied.length} of ${total}${names}; the database is up to date.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || error instanceof DatabaseOpenError || error instanceof MigrationError;
  console.error(known ? error.message : error);
  process.exit(1);
});
