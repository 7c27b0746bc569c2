import { migrate } from '../db/migrator.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadEnv } from '../env.ts';
import { seedDemo } from '../seed/seed-demo.ts';

/**
 * `pnpm db:seed`: migrates the configured database (DATABASE_URL or the embedded one in DATA_DIR)
 * and loads the demo data set when it is empty. On a database that already holds data it changes
 * nothing and says so. Stop the server first when it uses the embedded database.
 */
try {
  const env = loadEnv();
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    connectRetryMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  try {
    await migrate(db);
    const result = await seedDemo(db, { now: new Date() });
    const where = db.kind === 'pglite' ? `embedded database in ${env.DATA_DIR}` : 'PostgreSQL database';
    console.log(
      result.seeded
        ? `Loaded the demo data into the ${where}: ${Object.entries(result.counts)
            .map(([name, count]) => `${count} ${name}`)
            .join(', ')}.`
        : `Nothing to do: ${result.reason} (${where}). The demo data is only loaded into an empty database.`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(`db:seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
