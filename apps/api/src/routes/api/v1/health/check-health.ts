import type { Database } from '../../../../db/database.ts';
import { HttpProblem } from '../../../../plugins/http-problem.ts';
import { appVersion } from '../../../../version.ts';
import type { Health } from '@atelier/contracts';

/**
 * Asks the database for the migrations it has recorded (the migrator's `_migrations` ledger), which
 * also proves it answers. A database that does not answer makes the instance unhealthy (503), so a
 * load balancer stops sending it traffic.
 */
export async function checkHealth(db: Database): Promise<Health> {
  let ledger: { applied: number; latest: string | null } | undefined;
  try {
    [ledger] = await db.query<{ applied: number; latest: string | null }>(
      'SELECT count(*)::int AS applied, max("name") AS latest FROM "_migrations"',
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpProblem(503, 'DATABASE_UNAVAILABLE', `The database does not answer: ${reason}`);
  }
  return {
    status: 'ok',
    database: db.kind,
    migrations: { applied: ledger?.applied ?? 0, latest: ledger?.latest ?? null },
    version: appVersion,
  };
}
