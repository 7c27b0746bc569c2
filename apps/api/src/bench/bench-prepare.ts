import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadEnv } from '../env.ts';
import { releaseOrder } from '../production/release-order.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { insertBenchRouting } from './bench-routing.ts';

/**
 * Prepares the work for the API benchmark on the database the environment names (PostgreSQL with
 * DATABASE_URL, else the PGlite folder DATA_DIR): migrates, inserts the routing, releases the
 * orders and signs the operators in, then prints one JSON line `{operators: [{userId, cookie}]}`
 * and exits. The benchmark then starts the server itself on that database, as it runs in production.
 *
 * Argument: the number of operators (default 32) and pieces to release (default 3000).
 */

const [operatorCount = 32, pieces = 3000] = process.argv.slice(2).map(Number);
const ORDER_SIZE = 500;

async function prepare(db: Database): Promise<{ userId: string; cookie: string }[]> {
  const graphId = await insertBenchRouting(db);
  const manager = await loginAs(db, 'manager', { displayName: 'Bench manager' });
  const actor: Actor = {
    kind: 'user',
    userId: manager.userId,
    apiKeyId: null,
    roles: ['manager'],
    displayName: 'Bench manager',
    station: false,
  };
  const context = { db, hub: { wake: () => undefined }, idempotencyKey: null, actor, now: new Date() };
  for (let n = 0; n * ORDER_SIZE < pieces; n++) {
    const code = `MO-2026-${String(9000 + n)}`;
    await db.prisma.manufacturingOrder.create({
      data: {
        code,
        product: 'Card holder',
        client: 'Bench client',
        targetQuantity: Math.min(ORDER_SIZE, pieces - n * ORDER_SIZE),
        graphId,
      },
    });
    await releaseOrder(context, { kind: 'manufacturingOrder', idOrCode: code });
  }
  const operators = [];
  for (let n = 0; n < operatorCount; n++) {
    const login = await loginAs(db, 'operator', { displayName: `Bench operator ${n + 1}`, station: true });
    operators.push({ userId: login.userId, cookie: login.headers.cookie });
  }
  await analyzeFilledTables(db);
  return operators;
}

/**
 * Statistics for the tables the preparation filled, as autovacuum keeps them on a working database
 * (pgbench -i does the same): without them the planner takes a queue of thousands for one row.
 * A table still empty is left as autovacuum leaves it, never analysed: statistics that say "empty"
 * make every connection plan its statements for an empty table (scans instead of index probes),
 * and keep those plans while the table grows under load, which no working database does.
 */
async function analyzeFilledTables(db: Database): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `SELECT format('%I', tablename) AS name FROM pg_tables WHERE schemaname = current_schema()`,
  );
  for (const { name } of tables) {
    const [filled] = await db.query<{ filled: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${name}) AS filled`);
    if (filled?.filled === true) await db.query(`ANALYZE ${name}`);
  }
}

async function main(): Promise<void> {
  const env = loadEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, connectRetryMs: 5_000 });
  try {
    await migrate(db);
    const began = performance.now();
    const operators = await prepare(db);
    process.stderr.write(
      `bench:api: ${db.kind} prepared ${pieces} pieces and ${operatorCount} operators in ${Math.round(performance.now() - began)} ms\n`,
    );
    process.stdout.write(`${JSON.stringify({ operators })}\n`);
  } finally {
    await db.close();
  }
}

await main();
