import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { pairTestStation, type TestStation } from '../../../../testing/station-for-tests.ts';

/** A manager lifts a person's sign-in lock at once, instead of the operator waiting it out. */
describe('POST /api/v1/users/{id}/unlock-sign-in', () => {
  let t: TestApp;
  let operatorId: string;
  let station: TestStation;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    station = await pairTestStation(t.db, ['STI']);
    const [row] = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE badge_id = 'B-1104'`);
    operatorId = row?.id ?? '';
  }, 120_000);
  afterAll(() => t.close());

  const pin = (pinCode: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/pin',
      payload: { badgeId: 'B-1104', pin: pinCode },
      headers: station.headers,
    });
  const unlock = (headers: Record<string, string>, id = operatorId) =>
    t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/unlock-sign-in`, headers, payload: {} });
  const lockOut = async () => {
    for (let i = 0; i < 5; i += 1) await pin(`000${i}`);
    expect((await pin('1104')).statusCode).toBe(429);
    // Only the account's lock is under test: forget the station's failures.
    await t.db.query(`DELETE FROM auth_throttles WHERE key LIKE 'station:%'`);
  };

  it('lets the locked-out operator sign in at once, with a user.sign_in_unlocked event', async () => {
    await lockOut();
    const manager = await loginAs(t.db, 'manager');
    const response = await unlock(manager.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ userId: operatorId, unlocked: true });
    const events = await t.db.query<{ actor: string; operator_id: string; data: unknown }>(
      `SELECT actor, operator_id, data FROM events WHERE type = 'user.sign_in_unlocked'`,
    );
    expect(events).toEqual([
      { actor: `user:${manager.userId}`, operator_id: operatorId, data: { id: operatorId, code: 'kanokwan.c' } },
    ]);
    expect((await pin('1104')).statusCode).toBe(200);
  });

  it('changes nothing and writes no event for someone who is not locked out', async () => {
    const admin = await loginAs(t.db, 'admin');
    const [before] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events`);
    const response = await unlock(admin.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ userId: operatorId, unlocked: false });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM events`)).toEqual([before]);
  });

  it.each(['operator', 'designer', 'integrator'] as const)(
    'refuses a %s and leaves the lock in place',
    async (role) => {
      await lockOut();
      const response = await unlock((await loginAs(t.db, role)).headers);
      expect(response.statusCode).toBe(403);
      expect((await pin('1104')).statusCode).toBe(429);
      await unlock((await loginAs(t.db, 'manager')).headers);
    },
  );

  it('refuses a manager on a station session', async () => {
    const station = await loginAs(t.db, 'manager', { extraRoles: ['operator'], station: true });
    expect((await unlock(station.headers)).statusCode).toBe(403);
  });

  it('answers an unknown user with 404', async () => {
    const manager = await loginAs(t.db, 'manager');
    const unknown = await unlock(manager.headers, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('USER_NOT_FOUND');
  });
});
