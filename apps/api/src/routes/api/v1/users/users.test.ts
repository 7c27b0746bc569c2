import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../../auth/password.ts';
import { ROLES } from '../../../../auth/roles.ts';
import { describeCatalogRoutes } from '../../../../catalog/catalog-route-suite.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';

const prerequisites = [
  { path: '/api/v1/work-centers', body: { code: 'STI', name: 'Stitching' } },
  { path: '/api/v1/teams', body: { code: 'LINE', name: 'Stitching line', workCenter: 'STI' } },
  { path: '/api/v1/skills', body: { code: 'stitching', name: 'Machine Stitching' } },
  { path: '/api/v1/skills', body: { code: 'saddle_stitching', name: 'Hand Saddle Stitching' } },
];

describeCatalogRoutes({
  path: '/api/v1/users',
  entity: 'user',
  codeField: 'username',
  notFoundCode: 'USER_NOT_FOUND',
  duplicateCode: 'USERNAME_TAKEN',
  readRoles: ROLES,
  writeRoles: ['admin'],
  prerequisites,
  create: (username) => ({
    username,
    displayName: 'Malee Srisuk',
    roles: ['operator'],
    team: 'LINE',
    skills: [{ code: 'stitching', level: 3 }],
  }),
  created: {
    displayName: 'Malee Srisuk',
    roles: ['operator'],
    team: 'LINE',
    skills: [{ code: 'stitching', level: 3 }],
    present: false,
  },
  update: {
    skills: [
      { code: 'saddle_stitching', level: 4 },
      { code: 'stitching', level: 5 },
    ],
    present: true,
  },
  updated: {
    skills: [
      { code: 'saddle_stitching', level: 4 },
      { code: 'stitching', level: 5 },
    ],
    present: true,
    team: 'LINE',
  },
  invalidCreates: [
    ['no role', { username: 'x1', displayName: 'X', roles: [] }],
    ['an unknown role', { username: 'x1', displayName: 'X', roles: ['boss'] }],
    [
      'a skill level of 6',
      { username: 'x1', displayName: 'X', roles: ['operator'], skills: [{ code: 'stitching', level: 6 }] },
    ],
    [
      'a skill listed twice',
      {
        username: 'x1',
        displayName: 'X',
        roles: ['operator'],
        skills: [
          { code: 'stitching', level: 2 },
          { code: 'stitching', level: 3 },
        ],
      },
    ],
    ['a PIN with letters', { username: 'x1', displayName: 'X', roles: ['operator'], pin: '12ab' }],
    ['a short password', { username: 'x1', displayName: 'X', roles: ['manager'], password: 'short' }],
    ['a password hash', { username: 'x1', displayName: 'X', roles: ['manager'], passwordHash: 'scrypt$1' }],
  ],
  unknownReference: { username: 'x2', displayName: 'X', roles: ['operator'], skills: [{ code: 'gilding', level: 2 }] },
  unknownReferencePath: 'skills.0.code',
});

describe('/api/v1/users (people)', () => {
  let t: TestApp;
  let admin: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp();
    admin = (await loginAs(t.db, 'admin')).headers;
    for (const { path, body } of prerequisites)
      await t.app.inject({ method: 'POST', url: path, headers: admin, payload: body });
  }, 120_000);
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers = admin) =>
    t.app.inject({ method: 'POST', url, headers, payload });

  it('stores password and PIN hashed, says only that they are set, and keeps them out of the outbox', async () => {
    const response = await post('/api/v1/users', {
      username: 'somchai',
      displayName: 'Somchai K.',
      roles: ['operator', 'manager'],
      password: 'tote-bag-2026',
      pin: '4821',
      badgeId: 'B-0042',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ hasPassword: true, hasPin: true, badgeId: 'B-0042' });
    expect(response.body).not.toMatch(/scrypt|tote-bag-2026|4821/);
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'somchai' } });
    expect(await verifyPassword('tote-bag-2026', row.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword('4821', row.pinHash ?? '')).toBe(true);

    const removePin = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/somchai',
      headers: admin,
      payload: { pin: null, password: 'wallet-2027-x' },
    });
    expect(removePin.json()).toMatchObject({ hasPassword: true, hasPin: false });
    const changed = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'somchai' } });
    expect(await verifyPassword('wallet-2027-x', changed.passwordHash ?? '')).toBe(true);
    const events = await t.db.query<{ data: unknown }>(`SELECT data FROM events WHERE type LIKE 'user.%'`);
    expect(JSON.stringify(events)).not.toMatch(/scrypt|tote-bag-2026|wallet-2027-x|4821/);
  });

  it('shows badges and credential flags to admins and managers only', async () => {
    await post('/api/v1/users', {
      username: 'nok',
      displayName: 'Nok P.',
      roles: ['operator'],
      badgeId: 'B-0077',
      pin: '7777',
    });
    for (const role of ROLES) {
      const { headers } = await loginAs(t.db, role);
      const user = (await t.app.inject({ method: 'GET', url: '/api/v1/users/nok', headers })).json();
      const sees = role === 'admin' || role === 'manager';
      expect({ role, badge: user.badgeId, hasPin: user.hasPin }).toEqual({
        role,
        badge: sees ? 'B-0077' : undefined,
        hasPin: sees ? true : undefined,
      });
      expect(user.displayName).toBe('Nok P.');
    }
  });

  it('refuses a badge another user holds with a 409 naming it', async () => {
    await post('/api/v1/users', { username: 'badge-a', displayName: 'A', roles: ['operator'], badgeId: 'B-1000' });
    const response = await post('/api/v1/users', {
      username: 'badge-b',
      displayName: 'B',
      roles: ['operator'],
      badgeId: 'B-1000',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('BADGE_TAKEN');
    expect(response.json().errors).toEqual([
      { in: 'body', path: 'badgeId', message: expect.stringContaining('B-1000') },
    ]);
    expect(await t.db.prisma.user.findUnique({ where: { username: 'badge-b' } })).toBeNull();
  });

  it('signs a deactivated user out everywhere and marks them absent', async () => {
    const operator = await loginAs(t.db, 'operator', { present: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/skills', headers: operator.headers })).statusCode).toBe(
      200,
    );
    const response = await post(`/api/v1/users/${operator.userId}/deactivate`, {});
    expect(response.json()).toMatchObject({ active: false, present: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/skills', headers: operator.headers })).statusCode).toBe(
      401,
    );
  });

  it('signs out the sessions of a replaced password, or of a replaced PIN, and no others', async () => {
    const worker = await loginAs(t.db, 'operator');
    const station = await loginAs(t.db, 'operator', { username: `${worker.username}-station`, station: true });
    // The same person at a browser and at a station.
    await t.db.query('UPDATE sessions SET user_id = $1::uuid WHERE user_id = $2::uuid', [
      worker.userId,
      station.userId,
    ]);
    const signedIn = async (headers: { cookie: string }) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode;
    const change = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/users/${worker.userId}`, headers: admin, payload });
    expect([await signedIn(worker.headers), await signedIn(station.headers)]).toEqual([200, 200]);

    expect((await change({ displayName: 'Renamed' })).statusCode).toBe(200);
    expect([await signedIn(worker.headers), await signedIn(station.headers)]).toEqual([200, 200]);
    expect((await change({ password: 'a new long password' })).statusCode).toBe(200);
    expect([await signedIn(worker.headers), await signedIn(station.headers)]).toEqual([401, 200]);
    expect((await change({ pin: '4821' })).statusCode).toBe(200);
    expect(await signedIn(station.headers)).toBe(401);
  });

  it('keeps at least one active admin', async () => {
    const last = await loginAs(t.db, 'admin');
    await t.db.query(`UPDATE users SET active = false WHERE id <> $1 AND 'admin' = ANY(roles)`, [last.userId]);
    for (const attempt of [
      () => post(`/api/v1/users/${last.userId}/deactivate`, {}, last.headers),
      () =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${last.userId}`,
          headers: last.headers,
          payload: { roles: ['manager'] },
        }),
    ]) {
      const response = await attempt();
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().code).toBe('LAST_ADMIN');
    }
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: last.userId } })).roles).toEqual(['admin']);
  });

  it('lets managers mark attendance, with an event for the assignment engine', async () => {
    const manager = await loginAs(t.db, 'manager');
    const operator = await loginAs(t.db, 'operator', { present: true });
    const put = (headers: { cookie: string }, present: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/users/${operator.username}/attendance`,
        headers,
        payload: { present },
      });
    const absent = await put(manager.headers, false);
    expect(absent.statusCode).toBe(200);
    expect(absent.json().present).toBe(false);
    const events = await t.db.query<{ actor: string; data: { present: boolean } }>(
      `SELECT actor, data FROM events WHERE type = 'user.attendance_changed' AND data->>'id' = $1`,
      [operator.userId],
    );
    expect(events).toEqual([{ actor: `user:${manager.userId}`, data: expect.objectContaining({ present: false }) }]);
    expect((await put(operator.headers, true)).statusCode).toBe(403);
    expect((await put(manager.headers, 'yes')).statusCode).toBe(400);
  });
});
