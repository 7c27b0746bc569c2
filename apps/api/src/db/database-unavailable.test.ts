import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { openDatabase } from './open-database.ts';

/** The error `work` rejects with. */
async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error,
  );
}

describe('isDatabaseUnavailable, on the errors the drivers really raise', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  }, 60_000);
  afterAll(() => t.drop());

  it('is false for a statement the database refused, through raw SQL and Prisma', async () => {
    expect(isDatabaseUnavailable(await failureOf(() => t.db.query('SELECT * FROM no_such_table')))).toBe(false);
    expect(isDatabaseUnavailable(await failureOf(() => t.db.prisma.$queryRawUnsafe('SELECT 1/0')))).toBe(false);
    const user = { username: 'twice', displayName: 'Twice' };
    await t.db.prisma.user.create({ data: user });
    expect(isDatabaseUnavailable(await failureOf(() => t.db.prisma.user.create({ data: user })))).toBe(false);
  });

  it.runIf(usingPostgres())('is true for a statement whose connection the server terminated (57P01)', async () => {
    const db = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: '', poolSize: 2 });
    try {
      const raw = failureOf(() => db.query('SELECT pg_sleep(30)'));
      const prisma = failureOf(() => db.prisma.$queryRawUnsafe('SELECT pg_sleep(30)'));
      await expect
        .poll(() => t.db.query("SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'"), {
          timeout: 10_000,
        })
        .toHaveLength(2);
      await t.db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'");
      expect(isDatabaseUnavailable(await raw)).toBe(true);
      expect(isDatabaseUnavailable(await prisma)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('is true for raw SQL, Prisma and transactions on a closed database (PGlite closed, pool ended)', async () => {
    const { db, drop } = await createTestDatabase();
    await db.close();
    try {
      const failures = await Promise.all([
        failureOf(() => db.query('SELECT 1')),
        failureOf(() => db.prisma.user.count()),
        failureOf(() => db.transaction((tx) => tx.query('SELECT 1'))),
      ]);
      expect(failures.map((error) => isDatabaseUnavailable(error))).toEqual([true, true, true]);
    } finally {
      await drop();
    }
  });
});
