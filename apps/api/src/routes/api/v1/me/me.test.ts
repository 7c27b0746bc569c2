import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../../../auth/api-key-token.ts';
import { hashSecret } from '../../../../auth/secret-token.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { meSchema } from '@atelier/contracts';

describe('GET /api/v1/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(() => t.close());

  const me = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });

  it('describes the signed-in user with roles, team and skills', async () => {
    const [team] = await t.db.query<{ id: string }>(
      `INSERT INTO teams (code, name) VALUES ('SEW', 'Sewing room') RETURNING id`,
    );
    const login = await loginAs(t.db, 'operator', {
      teamId: team?.id,
      extraRoles: ['manager'],
      displayName: 'Anong K.',
    });
    await t.db.query(
      `INSERT INTO skills (code, name) VALUES ('stitching', 'Machine Stitching');
       INSERT INTO user_skills (user_id, skill_id, level) SELECT '${login.userId}', id, 3 FROM skills WHERE code = 'stitching'`,
    );
    const response = await me(login.headers);
    expect(response.statusCode).toBe(200);
    expect(meSchema.parse(response.json())).toEqual({
      kind: 'user',
      id: login.userId,
      username: login.username,
      displayName: 'Anong K.',
      roles: ['operator', 'manager'],
      station: false,
      team: { id: team?.id, code: 'SEW', name: 'Sewing room' },
      skills: [{ code: 'stitching', name: 'Machine Stitching', level: 3 }],
      locale: null,
    });
  });

  it('tells a station session apart', async () => {
    const login = await loginAs(t.db, 'operator', { station: true });
    expect((await me(login.headers)).json()).toMatchObject({ station: true, team: null, skills: [] });
  });

  it('describes an API key caller by the key name and role', async () => {
    const key = generateApiKey();
    const [row] = await t.db.query<{ id: string }>(
      `INSERT INTO api_keys (prefix, hash, name, role) VALUES ($1, $2, 'ERP bridge', 'integrator') RETURNING id`,
      [key.prefix, hashSecret(key.secret)],
    );
    const response = await me({ authorization: `Bearer ${key.token}` });
    expect(response.json()).toEqual({
      kind: 'apiKey',
      id: row?.id,
      username: null,
      displayName: 'ERP bridge',
      roles: ['integrator'],
      station: false,
      team: null,
      skills: [],
      locale: null,
    });
  });

  it('answers 401 AUTHENTICATION_REQUIRED without a session, with an unknown one, and with an expired one', async () => {
    const expired = await loginAs(t.db, 'manager');
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      expired.userId,
    ]);
    for (const headers of [{}, { cookie: 'af_session=not-a-session' }, expired.headers]) {
      const response = await me(headers);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe('AUTHENTICATION_REQUIRED');
    }
  });

  it('stops a deactivated user at once, even with a live session', async () => {
    const login = await loginAs(t.db, 'designer');
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [login.userId]);
    expect((await me(login.headers)).statusCode).toBe(401);
  });
});

describe('PATCH /api/v1/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(() => t.close());

  const patch = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: body as object });
  const localeEvents = (userId: string) =>
    t.db.query<{ type: string; actor: string; data: { id: string; code: string; locale: string } }>(
      `SELECT type, actor, data FROM events WHERE type = 'user.locale_changed' AND data->>'id' = $1 ORDER BY seq`,
      [userId],
    );

  it('remembers the language a person chose, with one event per change', async () => {
    const login = await loginAs(t.db, 'manager');
    const response = await patch({ locale: 'th' }, login.headers);
    expect(response.statusCode).toBe(200);
    expect(meSchema.parse(response.json())).toMatchObject({ id: login.userId, locale: 'th' });
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: login.headers });
    expect(again.json().locale).toBe('th');

    expect((await patch({ locale: 'th' }, login.headers)).statusCode).toBe(200);
    expect((await patch({ locale: 'en' }, login.headers)).json().locale).toBe('en');
    expect(await localeEvents(login.userId)).toEqual([
      {
        type: 'user.locale_changed',
        actor: `user:${login.userId}`,
        data: { id: login.userId, code: login.username, locale: 'th' },
      },
      {
        type: 'user.locale_changed',
        actor: `user:${login.userId}`,
        data: { id: login.userId, code: login.username, locale: 'en' },
      },
    ]);
  });

  it('lets an operator choose at the station, keeping the station session', async () => {
    const login = await loginAs(t.db, 'operator', { station: true });
    const response = await patch({ locale: 'th' }, login.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ locale: 'th', station: true, roles: ['operator'] });
  });

  it('refuses a language the app does not speak, or anything else, naming the field, and writes nothing', async () => {
    const login = await loginAs(t.db, 'designer');
    for (const body of [{ locale: 'fr' }, { locale: 'th', displayName: 'Someone else' }, {}]) {
      const response = await patch(body, login.headers);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().errors.every((error: { in: string }) => error.in === 'body')).toBe(true);
    }
    expect((await patch({ locale: 'fr' }, login.headers)).json().errors[0].path).toBe('locale');
    const [row] = await t.db.query<{ locale: string | null }>('SELECT locale FROM users WHERE id = $1', [login.userId]);
    expect(row?.locale).toBeNull();
    expect(await localeEvents(login.userId)).toEqual([]);
  });

  it('answers 403 USER_REQUIRED to an API key and 401 without a session', async () => {
    const key = generateApiKey();
    await t.db.query(`INSERT INTO api_keys (prefix, hash, name, role) VALUES ($1, $2, 'ERP bridge', 'integrator')`, [
      key.prefix,
      hashSecret(key.secret),
    ]);
    const byKey = await patch({ locale: 'th' }, { authorization: `Bearer ${key.token}` });
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().code).toBe('USER_REQUIRED');
    expect((await patch({ locale: 'th' })).statusCode).toBe(401);
  });
});
