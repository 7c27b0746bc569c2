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
