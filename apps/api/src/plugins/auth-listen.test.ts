import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadEnv } from '../env.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { createTestDatabase, usingPostgres } from '../testing/test-database.ts';

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Each replica remembers sessions for a few seconds and forgets them on the `atelier_auth` NOTIFY.
// A NOTIFY sent while a replica's LISTEN connection is down never reaches it: until it listens
// again, the replica must read every session afresh, or a log-out elsewhere would not count there.
describe.runIf(usingPostgres())('sessions on a replica whose LISTEN connection dropped', () => {
  it('are read afresh while it is down, so a log-out on another replica counts there at once', async () => {
    const testDb = await createTestDatabase();
    const warnings: string[] = [];
    const replicaDb = await openDatabase({
      databaseUrl: testDb.databaseUrl as string,
      dataDir: '',
      log: { info: () => undefined, warn: (line) => warnings.push(line) },
    });
    const env = loadEnv({ LOG_LEVEL: 'silent' });
    const a = await buildApp({ db: testDb.db, env });
    const b = await buildApp({ db: replicaDb, env });
    try {
      await Promise.all([a.ready(), b.ready()]);
      const manager = await loginAs(testDb.db, 'manager');
      const me = () => b.inject({ method: 'GET', url: '/api/v1/me', headers: manager.headers });
      expect((await me()).statusCode).toBe(200);

      const [killed] = await testDb.db.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN %'`,
        [replicaDb.connectionName],
      );
      expect(killed?.n).toBe(1);
      await until(() => warnings.some((line) => line.startsWith('LISTEN connection lost')));

      expect(
        (await a.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: manager.headers })).statusCode,
      ).toBe(204);
      expect((await me()).statusCode).toBe(401);
    } finally {
      await b.close();
      await a.close();
      await replicaDb.close();
      await testDb.drop();
    }
  });
});
