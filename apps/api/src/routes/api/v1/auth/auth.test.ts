import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../app.ts';
import { hashPassword } from '../../../../auth/password.ts';
import { hashSecret } from '../../../../auth/secret-token.ts';
import { loadEnv } from '../../../../env.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { createTestDatabase } from '../../../../testing/test-database.ts';
import { pairTestStation, type TestStation } from '../../../../testing/station-for-tests.ts';
import { loginResponseSchema } from '@atelier/contracts';

/** The demo staff and operators (seed/demo-people.ts) sign in with their documented credentials. */
describe('signing in and out', () => {
  let t: TestApp;
  /** A station of every demo work center, so every demo operator may sign in on it. */
  let station: TestStation;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    station = await pairTestStation(t.db, ['CUT', 'STI', 'EDG', 'QCI']);
  }, 120_000);
  afterAll(() => t.close());

  let nextAddress = 1;
  /** Each test gets its own client address so per-address counters do not leak between tests. */
  const freshAddress = () => `10.0.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

  const post = (
    url: string,
    payload: unknown,
    options: { address?: string; cookie?: string; station?: TestStation | null } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/${url}`,
      payload: payload as object,
      remoteAddress: options.address ?? '192.0.2.1',
      headers: {
        ...(options.cookie && { cookie: options.cookie }),
        ...(url === 'pin' && options.station !== null && (options.station ?? station).headers),
      },
    });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
  const cookieOf = (response: { cookies: { name: string; value: string }[] }) => {
    const cookie = response.cookies.find((c) => c.name === 'af_session');
    if (!cookie) throw new Error('no session cookie');
    return `af_session=${cookie.value}`;
  };
  const setUserPassword = (username: string, active: boolean) =>
    t.db.query('UPDATE users SET active = $2 WHERE username = $1', [username, active]);

  describe('POST /api/v1/auth/login', () => {
    it('signs a manager in with an httpOnly SameSite=Lax session cookie that /me accepts', async () => {
      const response = await post(
        'login',
        { username: 'manager', password: 'atelier-manager' },
        { address: freshAddress() },
      );
      expect(response.statusCode).toBe(200);
      const body = loginResponseSchema.parse(response.json());
      expect(body.user).toMatchObject({
        kind: 'user',
        username: 'manager',
        displayName: 'Ploy Suwannarat',
        roles: ['manager'],
        station: false,
      });
      const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);

      const setCookie = String(response.headers['set-cookie']);
      expect(setCookie).toMatch(/^af_session=[\w-]{43};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Lax');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).not.toContain('Secure');

      const profile = await me(cookieOf(response));
      expect(profile.statusCode).toBe(200);
      expect(profile.json()).toMatchObject({ username: 'manager', roles: ['manager'] });
    });

    it('stores only a hash of the session token', async () => {
      const response = await post(
        'login',
        { username: 'designer', password: 'atelier-designer' },
        { address: freshAddress() },
      );
      const token = cookieOf(response).split('=')[1] ?? '';
      const rows = await t.db.query<{ token_hash: string }>(
        `SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'designer'`,
      );
      expect(rows.map((row) => row.token_hash)).toContain(hashSecret(token));
      expect(rows.map((row) => row.token_hash)).not.toContain(token);
    });

    it('answers a wrong password and an unknown user alike, without a cookie', async () => {
      const address = freshAddress();
      const wrong = await post('login', { username: 'admin', password: 'not-it' }, { address });
      const unknown = await post('login', { username: 'nobody', password: 'not-it' }, { address });
      for (const response of [wrong, unknown]) {
        expect(response.statusCode).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.headers['set-cookie']).toBeUndefined();
      }
      const { instance: _w, ...wrongBody } = wrong.json();
      const { instance: _u, ...unknownBody } = unknown.json();
      expect(wrongBody).toEqual(unknownBody);
      expect(wrongBody.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses an operator who has a PIN but no password, and a deactivated user', async () => {
      const address = freshAddress();
      expect((await post('login', { username: 'elodie.m', password: '1108' }, { address })).statusCode).toBe(401);
      await setUserPassword('admin', false);
      try {
        const response = await post('login', { username: 'admin', password: 'atelier-admin' }, { address });
        expect(response.statusCode).toBe(401);
        expect(response.json().code).toBe('INVALID_CREDENTIALS');
      } finally {
        await setUserPassword('admin', true);
      }
    });

    it('locks an account out at the 5th failure and says for how long; the right password waits too', async () => {
      const address = freshAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await post('login', { username: 'designer', password: `guess-${i}` }, { address })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const locked = await post(
        'login',
        { username: 'designer', password: 'atelier-designer' },
        { address: freshAddress() },
      );
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(locked.json()).toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds: 900,
        detail: 'Too many failed sign-in attempts. Try again in 15 minutes.',
      });
      expect(Number(locked.headers['retry-after'])).toBe(900);
      expect(locked.headers['set-cookie']).toBeUndefined();
      // Other accounts are not affected.
      expect(
        (await post('login', { username: 'manager', password: 'atelier-manager' }, { address: freshAddress() }))
          .statusCode,
      ).toBe(200);
      // Once the lock has passed, the right password works again and clears the count.
      await t.db.query(
        `UPDATE auth_throttles SET locked_until = now() - interval '1 second' WHERE key LIKE 'password:%'`,
      );
      expect(
        (await post('login', { username: 'designer', password: 'atelier-designer' }, { address: freshAddress() }))
          .statusCode,
      ).toBe(200);
    });

    it('makes each further lock of an account last twice as long, up to 8 hours', async () => {
      const address = freshAddress();
      const fail = () => post('login', { username: 'lock-grows', password: 'wrong' }, { address });
      const waits: number[] = [];
      for (let lock = 0; lock < 7; lock += 1) {
        for (let i = 0; i < 4; i += 1) expect((await fail()).statusCode).toBe(401);
        const locking = await fail();
        expect(locking.statusCode).toBe(429);
        waits.push(locking.json().retryAfterSeconds);
        await t.db.query(
          `UPDATE auth_throttles SET locked_until = now() - interval '1 second' WHERE key = 'password:unknown:lock-grows'`,
        );
        await t.db.query(`DELETE FROM auth_throttles WHERE key LIKE 'address:%'`);
      }
      expect(waits).toEqual([900, 1800, 3600, 7200, 14_400, 28_800, 28_800]);
    });

    it('does not count attempts while a lock is in force: retries do not slow the address or outlast the lock', async () => {
      const address = freshAddress();
      for (let i = 0; i < 5; i += 1) await post('login', { username: 'designer', password: `guess-${i}` }, { address });
      const [before] = await t.db.query<{ until: Date }>(
        `SELECT locked_until AS until FROM auth_throttles WHERE key LIKE 'password:%' AND locked_until > now()`,
      );
      for (let i = 0; i < 30; i += 1) {
        const password = i % 2 === 0 ? 'atelier-designer' : `retry-${i}`;
        expect((await post('login', { username: 'designer', password }, { address })).statusCode).toBe(429);
      }
      const [after] = await t.db.query<{ until: Date; failures: number }>(
        `SELECT locked_until AS until, failures FROM auth_throttles WHERE key LIKE 'password:%' AND locked_until > now()`,
      );
      expect(after).toEqual({ until: before?.until, failures: 0 });
      // A colleague at the same address signs in at once.
      expect((await post('login', { username: 'manager', password: 'atelier-manager' }, { address })).statusCode).toBe(
        200,
      );
      await t.db.query(`DELETE FROM auth_throttles WHERE key LIKE 'password:%'`);
    });

    it('answers an unknown username exactly like a known one, lock-out included, so nothing reveals who exists', async () => {
      const address = freshAddress();
      const run = async (username: string) => {
        const answers = [];
        for (let i = 0; i < 6; i += 1) {
          const response = await post('login', { username, password: `guess-${i}` }, { address });
          const { instance: _instance, ...body } = response.json();
          answers.push({ status: response.statusCode, body, retryAfter: response.headers['retry-after'] });
        }
        return answers;
      };
      const unknown = await run('ghost');
      expect(unknown.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 429, 429]);
      expect(await run('siriporn.t')).toEqual(unknown);
      await t.db.query(`DELETE FROM auth_throttles WHERE key LIKE 'password:%'`);
    });

    it('takes as long to refuse an unknown username as a wrong password', async () => {
      const timed = async (username: string) => {
        const started = performance.now();
        expect((await post('login', { username, password: 'wrong' }, { address: freshAddress() })).statusCode).toBe(
          401,
        );
        return performance.now() - started;
      };
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        known.push(await timed('admin'));
        unknown.push(await timed(`nobody-${i}`));
      }
      await t.db.query(`DELETE FROM auth_throttles WHERE key LIKE 'password:%'`);
      // Both check a scrypt hash (a decoy for the unknown name): far slower than the rest of the request.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
      expect(median(known)).toBeGreaterThan(median(unknown) * 0.5);
    });

    it('forgives failures once the right password is given', async () => {
      const address = freshAddress();
      const attempt = (password: string) => post('login', { username: 'manager', password }, { address });
      for (let i = 0; i < 4; i += 1) expect((await attempt('wrong')).statusCode).toBe(401);
      expect((await attempt('atelier-manager')).statusCode).toBe(200);
      for (let i = 0; i < 4; i += 1) expect((await attempt('wrong')).statusCode).toBe(401);
      expect((await attempt('atelier-manager')).statusCode).toBe(200);
    });

    it('counts parallel guesses too: of 12 at once 5 are checked, then the account is locked once', async () => {
      const address = freshAddress();
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          post('login', { username: 'parallel-target', password: `guess-${i}` }, { address }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 401)).toHaveLength(4);
      expect(statuses.filter((status) => status === 429)).toHaveLength(8);
      const [row] = await t.db.query(
        `SELECT failures, lockouts FROM auth_throttles WHERE key = 'password:unknown:parallel-target'`,
      );
      expect(row).toEqual({ failures: 0, lockouts: 1 });
    });

    it('slows a client address with growing delays after 10 failures across accounts, but never locks it', async () => {
      const address = freshAddress();
      for (let i = 0; i < 10; i += 1) {
        expect((await post('login', { username: `scan-${i}`, password: 'password' }, { address })).statusCode).toBe(
          401,
        );
      }
      const waits: number[] = [];
      for (let i = 10; i < 20; i += 1) {
        const slowed = await post('login', { username: `scan-${i}`, password: 'password' }, { address });
        expect(slowed.statusCode).toBe(429);
        waits.push(slowed.json().retryAfterSeconds);
        // During the delay everyone behind the address waits, without the wait growing.
        const early = await post('login', { username: 'manager', password: 'atelier-manager' }, { address });
        expect(early.statusCode).toBe(429);
        expect(early.headers['retry-after']).toBeDefined();
        await t.db.query(
          `UPDATE auth_throttles SET locked_until = now() - interval '1 second' WHERE locked_until > now()`,
        );
      }
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
      expect((await post('login', { username: 'manager', password: 'atelier-manager' }, { address })).statusCode).toBe(
        200,
      );
      expect(
        (await post('login', { username: 'manager', password: 'atelier-manager' }, { address: freshAddress() }))
          .statusCode,
      ).toBe(200);
    });

    it('counts an IPv6 client by its /64, so a fresh address from the same block is slowed too', async () => {
      const inBlock = (n: number) => `2001:db8:77:${nextAddress}::${n.toString(16)}`;
      for (let i = 0; i < 10; i += 1) {
        expect(
          (await post('login', { username: `scan6-${i}`, password: 'password' }, { address: inBlock(i + 1) }))
            .statusCode,
        ).toBe(401);
      }
      expect(
        (await post('login', { username: 'scan6-x', password: 'password' }, { address: inBlock(500) })).statusCode,
      ).toBe(429);
      expect(
        (await post('login', { username: 'manager', password: 'atelier-manager' }, { address: inBlock(999) }))
          .statusCode,
      ).toBe(429);
      const otherBlock = `2001:db8:77:${nextAddress + 1}::1`;
      expect(
        (await post('login', { username: 'manager', password: 'atelier-manager' }, { address: otherBlock })).statusCode,
      ).toBe(200);
      nextAddress += 2;
    });

    it('clears out expired sessions, day-old lock-out counters and idempotency keys when someone signs in', async () => {
      await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute'`);
      await t.db.query(
        `INSERT INTO auth_throttles (key, failures, window_started_at) VALUES ('password:unknown:old-guess', 3, now() - interval '2 days');
         INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES
           ('user:x', 'old', 'h', now() - interval '25 hours'), ('user:x', 'recent', 'h', now() - interval '1 hour')`,
      );
      expect(
        (await post('login', { username: 'manager', password: 'atelier-manager' }, { address: freshAddress() }))
          .statusCode,
      ).toBe(200);
      const [left] = await t.db.query<{ sessions: number; throttles: number; keys: string[] }>(
        `SELECT (SELECT count(*)::int FROM sessions WHERE expires_at < now()) AS sessions,
                (SELECT count(*)::int FROM auth_throttles WHERE key = 'password:unknown:old-guess') AS throttles,
                (SELECT array_agg(key) FROM idempotency_keys WHERE scope = 'user:x') AS keys`,
      );
      expect(left).toEqual({ sessions: 0, throttles: 0, keys: ['recent'] });
    });

    it.each([
      ['no password', { username: 'manager' }],
      ['an empty username', { username: '', password: 'x' }],
      ['an unknown field', { username: 'manager', password: 'atelier-manager', remember: true }],
      ['a number for a password', { username: 'manager', password: 1234 }],
    ])('answers %s with a 400 problem and no session', async (_case, payload) => {
      const response = await post('login', payload, { address: freshAddress() });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('POST /api/v1/auth/pin', () => {
    it('signs an operator in on a station by badge and PIN: a shorter station session with team and skills', async () => {
      const response = await post('pin', { badgeId: 'B-1108', pin: '1108' }, { address: freshAddress() });
      expect(response.statusCode).toBe(200);
      const body = loginResponseSchema.parse(response.json());
      expect(body.user).toMatchObject({
        username: 'elodie.m',
        roles: ['operator'],
        station: true,
        team: { code: 'FINISHING' },
      });
      expect(body.user.skills).toEqual(
        expect.arrayContaining([{ code: 'edge_painting', name: 'Edge Painting', level: 4 }]),
      );
      const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(1.9);
      expect(hours).toBeLessThanOrEqual(2);
      expect((await me(cookieOf(response))).json()).toMatchObject({ username: 'elodie.m', station: true });
    });

    it('accepts the user id picked from a list instead of the badge', async () => {
      const [user] = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'wichai.r'`);
      const response = await post('pin', { userId: user?.id, pin: '1111' }, { address: freshAddress() });
      expect(response.statusCode).toBe(200);
      expect(response.json().user.username).toBe('wichai.r');
    });

    it('hands a shared tablet over: the next PIN login ends the previous operator session', async () => {
      const address = freshAddress();
      const first = cookieOf(await post('pin', { badgeId: 'B-1109', pin: '1109' }, { address }));
      const second = await post('pin', { badgeId: 'B-1112', pin: '1112' }, { address, cookie: first });
      expect(second.statusCode).toBe(200);
      expect((await me(first)).statusCode).toBe(401);
      expect((await me(cookieOf(second))).json().username).toBe('henrik.l');
    });

    it('refuses a wrong PIN and an unknown badge alike, and locks the operator out after 5 wrong PINs', async () => {
      const address = freshAddress();
      const unknown = await post('pin', { badgeId: 'B-9999', pin: '1111' }, { address });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await post('pin', { badgeId: 'B-1110', pin: `000${i}` }, { address })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const [user] = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE badge_id = 'B-1110'`);
      // Switching from badge to user id does not give the guesser fresh attempts.
      const locked = await post('pin', { userId: user?.id, pin: '1110' }, { address: freshAddress() });
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe('900');
    });

    it('keeps PIN and password lock-outs apart', async () => {
      const address = freshAddress();
      for (let i = 0; i < 6; i += 1)
        await post('login', { username: 'siriporn.t', password: `guess-${i}` }, { address });
      expect((await post('pin', { badgeId: 'B-1109', pin: '1109' }, { address: freshAddress() })).statusCode).toBe(200);
    });

    it.each([
      ['letters in the PIN', { badgeId: 'B-1108', pin: '12a4' }],
      ['a 3-digit PIN', { badgeId: 'B-1108', pin: '110' }],
      ['neither badge nor user', { pin: '1108' }],
      ['both badge and user', { badgeId: 'B-1108', userId: '00000000-0000-4000-8000-000000000000', pin: '1108' }],
      ['a user id that is not a UUID', { userId: 'elodie', pin: '1108' }],
    ])('answers %s with a 400 problem', async (_case, payload) => {
      const response = await post('pin', payload, { address: freshAddress() });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    });
  });

  describe('POST /api/v1/auth/logout', () => {
    it('ends the session on the server and clears the cookie', async () => {
      const cookie = cookieOf(
        await post('login', { username: 'manager', password: 'atelier-manager' }, { address: freshAddress() }),
      );
      const response = await post('logout', undefined, { cookie });
      expect(response.statusCode).toBe(204);
      expect(String(response.headers['set-cookie'])).toMatch(/^af_session=;.*Expires=Thu, 01 Jan 1970/);
      const after = await me(cookie);
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('AUTHENTICATION_REQUIRED');
    });

    it('is harmless without a session', async () => {
      expect((await post('logout', undefined)).statusCode).toBe(204);
      expect((await post('logout', undefined, { cookie: 'af_session=forged' })).statusCode).toBe(204);
    });
  });
});

describe('the station sign-in list', () => {
  let t: TestApp;
  let cutting: TestStation;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    cutting = await pairTestStation(t.db, ['CUT']);
  }, 120_000);
  afterAll(() => t.close());

  const list = (query = '', station: TestStation | null = cutting) =>
    t.app.inject({ method: 'GET', url: `/api/v1/auth/station-operators${query}`, headers: station?.headers ?? {} });

  it("lists only the station's operators by name, without badges or roles: its work centers' teams and the roaming atelier", async () => {
    const response = await list('?limit=200');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    const names = page.items.map((item: { displayName: string }) => item.displayName);
    expect(names).toEqual([
      'Giulia Bianchi',
      'Henrik Lindqvist',
      'Napat Srisuk',
      'Somchai Kittisak',
      'Wichai Rattanakorn',
    ]);
    expect(page.items).toContainEqual({
      userId: expect.any(String),
      displayName: 'Somchai Kittisak',
      team: { code: 'CUTTING-ROOM', name: 'Cutting room' },
      present: true,
      skills: [
        { code: 'cutting', name: 'Leather Cutting', level: 5 },
        { code: 'skiving', name: 'Skiving', level: 4 },
      ],
    });
    expect(response.body).not.toContain('B-11');
  });

  it('lists only the present, or only those qualified for a work item (the hand-off picker)', async () => {
    await t.db.query(`UPDATE users SET present = false WHERE display_name = 'Napat Srisuk'`);
    const names = async (query: string) =>
      (await list(query)).json().items.map((item: { displayName: string }) => item.displayName);
    expect(await names('?present=true&limit=200')).not.toContain('Napat Srisuk');
    expect(await names('?present=false&limit=200')).toEqual(['Napat Srisuk']);

    // A cutting step needs the cutting skill: Henrik (atelier, no cutting) is not offered.
    const [item] = await t.db.query<{ id: string; skills: { code: string; minLevel: number }[] }>(
      `SELECT w.id, node.body->'config'->'skills' AS skills
         FROM work_items w JOIN tokens t ON t.id = w.token_id
         JOIN graph_version_nodes node ON node.graph_version_id = t.graph_version_id AND node.node_key = w.node_key
        WHERE w.node_key = 'cut' AND w.state = 'ready' LIMIT 1`,
    );
    if (!item) throw new Error('the demo has no ready cutting item');
    const qualified = await names(`?qualifiedFor=${item.id}&limit=200`);
    const everyone = (await list('?limit=200')).json().items as {
      displayName: string;
      skills: { code: string; level: number }[];
    }[];
    const expected = everyone
      .filter((person) =>
        item.skills.every((need) => (person.skills.find((s) => s.code === need.code)?.level ?? 0) >= need.minLevel),
      )
      .map((person) => person.displayName);
    expect(qualified).toEqual(expected);
    expect(qualified).toContain('Somchai Kittisak');
    expect(qualified).not.toContain('Henrik Lindqvist');
    expect((await list('?qualifiedFor=not-a-uuid')).statusCode).toBe(400);
    await t.db.query(`UPDATE users SET present = true WHERE display_name = 'Napat Srisuk'`);
  });

  it('answers a device that is not a registered station with 401 STATION_NOT_PAIRED, for the list and for PIN sign-in', async () => {
    const forged = { headers: { 'x-station-token': 'forged' } } as unknown as TestStation;
    for (const station of [null, forged]) {
      const response = await list('', station);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe('STATION_NOT_PAIRED');
    }
    const pin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/pin',
      payload: { badgeId: 'B-1101', pin: '1101' },
    });
    expect(pin.statusCode).toBe(401);
    expect(pin.json().code).toBe('STATION_NOT_PAIRED');
    expect(pin.headers['set-cookie']).toBeUndefined();
  });

  it("signs in only the station's operators: anyone else is answered like an unknown badge", async () => {
    const pin = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/pin',
        payload,
        headers: cutting.headers,
        remoteAddress: '10.20.0.1',
      });
    const own = await pin({ badgeId: 'B-1101', pin: '1101' });
    expect(own.statusCode).toBe(200);
    const [session] = await t.db.query(
      `SELECT station, station_id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.badge_id = 'B-1101'`,
    );
    expect(session).toEqual({ station: true, station_id: cutting.stationId });
    const { instance: _a, ...otherLine } = (await pin({ badgeId: 'B-1104', pin: '1104' })).json();
    const { instance: _b, ...unknown } = (await pin({ badgeId: 'B-9999', pin: '1104' })).json();
    expect(otherLine).toEqual(unknown);
    expect(otherLine.code).toBe('INVALID_CREDENTIALS');
    // Staff with a PIN are not operators: no station signs them in.
    await t.db.query(
      `UPDATE users SET pin_hash = (SELECT pin_hash FROM users WHERE badge_id = 'B-1101'), team_id = (SELECT id FROM teams WHERE code = 'CUTTING-ROOM') WHERE username = 'manager'`,
    );
    const [manager] = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'manager'`);
    expect((await pin({ userId: manager?.id, pin: '1101' })).statusCode).toBe(401);
    expect(
      (await list('?limit=200')).json().items.map((item: { displayName: string }) => item.displayName),
    ).not.toContain('Ploy Suwannarat');
  });

  it('slows down a station after many wrong PINs without slowing another station behind the same address', async () => {
    const busy = await pairTestStation(t.db, ['CUT']);
    const other = await pairTestStation(t.db, ['CUT']);
    const pin = (station: TestStation, badgeId: string, code: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/pin',
        payload: { badgeId, pin: code },
        headers: station.headers,
        remoteAddress: '10.30.0.1',
      });
    for (let i = 0; i < 10; i += 1) expect((await pin(busy, `B-X${i}`, '0000')).statusCode).toBe(401);
    expect((await pin(busy, 'B-X10', '0000')).statusCode).toBe(429);
    expect((await pin(busy, 'B-1102', '1102')).statusCode).toBe(429);
    expect((await pin(other, 'B-1102', '1102')).statusCode).toBe(200);
  });

  it('filters by team and pages with a cursor', async () => {
    const all = (await list('?team=ATELIER&limit=200')).json().items;
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.every((item: { team: { code: string } }) => item.team.code === 'ATELIER')).toBe(true);
    const first = (await list('?team=ATELIER&limit=1')).json();
    const second = (await list(`?team=ATELIER&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect([...first.items, ...second.items]).toEqual(all.slice(0, 2));
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await list('?cursor=bm90LWEtY3Vyc29y');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_CURSOR');
  });
});

describe('behind an HTTPS load balancer (TRUST_PROXY)', () => {
  it('marks the session cookie Secure when the request came over HTTPS, and keeps responses out of caches', async () => {
    const { db, drop } = await createTestDatabase();
    const app = await buildApp({ db, env: loadEnv({ LOG_LEVEL: 'silent', TRUST_PROXY: 'true' }) });
    try {
      await db.query(
        `INSERT INTO users (username, display_name, roles, password_hash) VALUES ('claire', 'Claire D.', '{designer}', $1)`,
        [await hashPassword('correct horse')],
      );
      const login = (proto: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-proto': proto },
          payload: { username: 'claire', password: 'correct horse' },
        });
      const https = await login('https');
      expect(https.statusCode).toBe(200);
      expect(String(https.headers['set-cookie'])).toContain('Secure');
      expect(https.headers['cache-control']).toBe('no-store');
      expect(String((await login('http')).headers['set-cookie'])).not.toContain('Secure');
    } finally {
      await app.close();
      await drop();
    }
  });
});
