import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../app.ts';
import { SESSION_COOKIE } from '../../../../auth/authenticate.ts';
import { createSession } from '../../../../auth/create-session.ts';
import type { Database } from '../../../../db/database.ts';
import { openDatabase } from '../../../../db/open-database.ts';
import { loadEnv } from '../../../../env.ts';
import { loginAs, type TestLogin } from '../../../../testing/auth-for-tests.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../../testing/test-database.ts';

/** The app on `db`, not listening: one API replica. */
async function replica(db: Database): Promise<FastifyInstance> {
  const app = await buildApp({
    db,
    env: loadEnv({ LOG_LEVEL: 'silent', WEB_DIST_DIR: join(tmpdir(), 'atelier-no-web-dist') }),
  });
  await app.ready();
  return app;
}

describe(`a password change and the person's sessions, on two replicas of one ${usingPostgres() ? 'PostgreSQL' : 'PGlite'} database`, () => {
  let testDb: TestDatabase;
  let secondDb: Database;
  let first: FastifyInstance;
  let second: FastifyInstance;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    secondDb = testDb.databaseUrl ? await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: '' }) : testDb.db;
    first = await replica(testDb.db);
    second = await replica(secondDb);
  }, 120_000);
  afterAll(async () => {
    await first.close();
    await second.close();
    if (secondDb !== testDb.db) await secondDb.close();
    await testDb.drop();
  });

  /** Another session of the same person, as from a second browser or a station tablet. */
  const anotherSession = async (login: TestLogin, station = false) => ({
    cookie: `${SESSION_COOKIE}=${(await createSession(testDb.db, login.userId, { station })).token}`,
  });
  const signedIn = async (app: FastifyInstance, headers: { cookie: string }) =>
    (await app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode;
  /** The status `/me` settles on within a second (another replica learns of changes by NOTIFY). */
  const settlesOn = async (app: FastifyInstance, headers: { cookie: string }, status: number) => {
    for (let tries = 0; tries < 50 && (await signedIn(app, headers)) !== status; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return signedIn(app, headers);
  };
  const changePassword = (app: FastifyInstance, by: { cookie: string }, userId: string) =>
    app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${userId}`,
      headers: by,
      payload: { password: 'a brand new long password' },
    });

  it("ends the person's other browser sessions on every replica, and keeps the one they changed it from", async () => {
    // An admin who also works at a station: their PIN session must outlive the password change.
    const admin = await loginAs(testDb.db, 'admin', { extraRoles: ['operator'] });
    const laptop = await anotherSession(admin);
    const station = await anotherSession(admin, true);
    // The other replica has resolved (and remembers) the laptop's session.
    expect(await signedIn(second, laptop)).toBe(200);

    expect((await changePassword(first, admin.headers, admin.userId)).statusCode).toBe(200);
    expect(await signedIn(first, admin.headers)).toBe(200);
    expect(await signedIn(second, admin.headers)).toBe(200);
    expect(await settlesOn(second, laptop, 401)).toBe(401);
    expect(await signedIn(first, laptop)).toBe(401);
    // A PIN opened the station session, not the password.
    expect(await signedIn(second, station)).toBe(200);
  });

  it('ends every browser session of someone else whose password an admin changes, on every replica', async () => {
    const admin = await loginAs(testDb.db, 'admin');
    const manager = await loginAs(testDb.db, 'manager');
    const phone = await anotherSession(manager);
    expect([await signedIn(second, manager.headers), await signedIn(second, phone)]).toEqual([200, 200]);

    expect((await changePassword(first, admin.headers, manager.userId)).statusCode).toBe(200);
    expect([await settlesOn(second, manager.headers, 401), await settlesOn(second, phone, 401)]).toEqual([401, 401]);
    expect(await signedIn(first, admin.headers)).toBe(200);
  });
});
