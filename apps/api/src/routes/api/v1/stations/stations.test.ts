import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../../auth/secret-token.ts';
import { DEMO_STATION_NAME } from '../../../../seed/demo-station.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs, type TestLogin } from '../../../../testing/auth-for-tests.ts';

/** Registered stations: an admin registers one, a tablet pairs with the code, revoking unpairs it. */
describe('/api/v1/stations', () => {
  let t: TestApp;
  let admin: TestLogin;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    admin = await loginAs(t.db, 'admin');
  }, 120_000);
  afterAll(() => t.close());

  let nextAddress = 1;
  const inject = (
    method: 'GET' | 'POST',
    url: string,
    options: { headers?: Record<string, string>; payload?: object } = {},
  ) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: options.headers ?? {},
      remoteAddress: `10.40.0.${nextAddress++}`,
      ...(options.payload && { payload: options.payload }),
    });
  const register = (name: string, workCenters = ['CUT']) =>
    inject('POST', '/stations', { headers: admin.headers, payload: { name, workCenters } });
  const pair = (code: string, address?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/stations/pair',
      payload: { code },
      remoteAddress: address ?? `10.41.0.${nextAddress++}`,
    });
  const cookieOf = (response: { cookies: { name: string; value: string }[] }) => {
    const cookie = response.cookies.find((c) => c.name === 'af_station');
    if (!cookie) throw new Error('no station cookie');
    return `af_station=${cookie.value}`;
  };
  const eventTypes = async (stationId: string) =>
    (
      await t.db.query<{ type: string }>(
        `SELECT type FROM events WHERE type LIKE 'station.%' AND data->>'id' = $1 ORDER BY seq`,
        [stationId],
      )
    ).map((row) => row.type);

  it('registers a station with a one-time pairing code the tablet exchanges for a device cookie', async () => {
    const created = await register('Cutting tablet 1', ['STI', 'CUT']);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.pairingCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const minutes = (Date.parse(body.pairingCodeExpiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(body.station).toMatchObject({
      name: 'Cutting tablet 1',
      workCenters: [
        { code: 'CUT', name: expect.any(String) },
        { code: 'STI', name: expect.any(String) },
      ],
      pairedDevices: 0,
      pairedAt: null,
    });
    const [stored] = await t.db.query<{ pairing_code_hash: string }>(
      'SELECT pairing_code_hash FROM stations WHERE id = $1',
      [body.station.id],
    );
    expect(stored?.pairing_code_hash).toBe(hashSecret(body.pairingCode.replace('-', '')));

    // Typed in lower case with a space instead of the dash, as people do.
    const paired = await pair(body.pairingCode.toLowerCase().replace('-', ' '));
    expect(paired.statusCode).toBe(200);
    expect(paired.json().station).toEqual({
      id: body.station.id,
      name: 'Cutting tablet 1',
      workCenters: body.station.workCenters,
    });
    const setCookie = String(paired.headers['set-cookie']);
    expect(setCookie).toMatch(/^af_station=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toMatch(/Max-Age=\d{7,}/);
    const [device] = await t.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM station_devices WHERE station_id = $1',
      [body.station.id],
    );
    expect(device?.token_hash).toBe(hashSecret(paired.json().deviceToken));

    // The tablet knows which station it is, by cookie or header, and its operators open up.
    const cookie = cookieOf(paired);
    const whoAmI = await inject('GET', '/auth/station', { headers: { cookie } });
    expect(whoAmI.json()).toEqual({ station: paired.json().station });
    const operators = await inject('GET', '/auth/station-operators', {
      headers: { 'x-station-token': paired.json().deviceToken },
    });
    expect(operators.statusCode).toBe(200);

    // The code worked once.
    const again = await pair(body.pairingCode);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('INVALID_PAIRING_CODE');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(await eventTypes(body.station.id)).toEqual(['station.created', 'station.paired']);
  });

  it('lists stations by name with paired tablets and last seen, never a code or a token', async () => {
    const { station, pairingCode } = (await register('Assembly tablet')).json();
    const { deviceToken } = (await pair(pairingCode)).json();
    await inject('GET', '/auth/station', { headers: { 'x-station-token': deviceToken } });
    const response = await inject('GET', '/stations?limit=1', { headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.items).toEqual([
      expect.objectContaining({
        id: station.id,
        name: 'Assembly tablet',
        pairedDevices: 1,
        pairingCodeExpiresAt: null,
      }),
    ]);
    expect(page.items[0].lastSeenAt).not.toBeNull();
    expect(page.items[0].pairedAt).not.toBeNull();
    const next = (
      await inject('GET', `/stations?limit=200&cursor=${encodeURIComponent(page.nextCursor)}`, {
        headers: admin.headers,
      })
    ).json();
    expect(next.items.map((item: { name: string }) => item.name)).toContain('Cutting tablet 1');
    expect(next.items.map((item: { name: string }) => item.name)).not.toContain('Assembly tablet');
    const listed = JSON.stringify([page, next]);
    expect(listed).not.toMatch(/hash|token/i);
    expect(listed).not.toContain(pairingCode);
    expect(listed).not.toContain(deviceToken);
  });

  it('refuses an expired code, and opens a new one on request', async () => {
    const { station, pairingCode } = (await register('Edge tablet', ['EDG'])).json();
    await t.db.query(`UPDATE stations SET pairing_code_expires_at = now() - interval '1 second' WHERE id = $1`, [
      station.id,
    ]);
    expect((await pair(pairingCode)).json().code).toBe('INVALID_PAIRING_CODE');
    const renewed = await inject('POST', `/stations/${station.id}/pairing-code`, { headers: admin.headers });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().pairingCode).not.toBe(pairingCode);
    expect((await pair(renewed.json().pairingCode)).statusCode).toBe(200);
    expect(await eventTypes(station.id)).toEqual(['station.created', 'station.pairing_code_issued', 'station.paired']);
  });

  it('revokes a station: its tablets are unpaired and the operator sessions opened on it end', async () => {
    const { station, pairingCode } = (await register('QC tablet', ['QCI'])).json();
    const { deviceToken } = (await pair(pairingCode)).json();
    const tablet = { 'x-station-token': deviceToken };
    const signedIn = await inject('POST', '/auth/pin', {
      headers: tablet,
      payload: { badgeId: 'B-1109', pin: '1109' },
    });
    expect(signedIn.statusCode).toBe(200);
    const session = signedIn.cookies.find((c) => c.name === 'af_session');
    const operator = { cookie: `af_session=${session?.value}` };
    expect((await inject('GET', '/me', { headers: operator })).statusCode).toBe(200);

    const revoked = await inject('POST', `/stations/${station.id}/revoke`, { headers: admin.headers });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: station.id, pairedDevices: 0 });
    expect((await inject('GET', '/me', { headers: operator })).statusCode).toBe(401);
    expect((await inject('GET', '/auth/station', { headers: tablet })).json()).toEqual({ station: null });
    expect((await inject('GET', '/auth/station-operators', { headers: tablet })).json().code).toBe(
      'STATION_NOT_PAIRED',
    );
    // Revoking again changes nothing and records nothing.
    expect((await inject('POST', `/stations/${station.id}/revoke`, { headers: admin.headers })).statusCode).toBe(200);
    expect(await eventTypes(station.id)).toEqual(['station.created', 'station.paired', 'station.revoked']);
  });

  it.each([
    ['a manager', 'manager', false],
    ['an operator', 'operator', false],
    ['an admin on a station session', 'admin', true],
  ] as const)('refuses %s with 403 and writes nothing', async (_case, role, station) => {
    const who = await loginAs(t.db, role, { station, extraRoles: station ? ['operator'] : [] });
    const [before] = await t.db.query('SELECT count(*)::int AS n FROM stations');
    for (const [method, url] of [
      ['GET', '/stations'],
      ['POST', '/stations'],
    ] as const) {
      const response = await inject(method, url, {
        headers: who.headers,
        payload: method === 'POST' ? { name: `By ${role}`, workCenters: ['CUT'] } : undefined,
      });
      expect(response.statusCode).toBe(403);
    }
    expect(await t.db.query('SELECT count(*)::int AS n FROM stations')).toEqual([before]);
  });

  it.each([
    ['no work center', { name: 'Empty', workCenters: [] }, 400, 'VALIDATION_FAILED', 'workCenters'],
    ['a work center twice', { name: 'Twice', workCenters: ['CUT', 'CUT'] }, 400, 'VALIDATION_FAILED', 'workCenters'],
    ['an unknown field', { name: 'Extra', workCenters: ['CUT'], pin: '1234' }, 400, 'VALIDATION_FAILED', '(root)'],
    [
      'an unknown work center',
      { name: 'Nowhere', workCenters: ['CUT', 'GILD'] },
      422,
      'UNKNOWN_REFERENCE',
      'workCenters.1',
    ],
    ['a taken name', { name: 'Cutting tablet 1', workCenters: ['CUT'] }, 409, 'STATION_NAME_TAKEN', 'name'],
  ])('answers %s with a problem and writes nothing', async (_case, payload, status, code, field) => {
    const [before] = await t.db.query('SELECT count(*)::int AS n FROM stations');
    const response = await inject('POST', '/stations', { headers: admin.headers, payload });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().code).toBe(code);
    // The field the problem is about, so the admin form shows it there.
    const paths = (response.json().errors as { path: string }[]).map((error) => error.path);
    expect(paths).toEqual([field]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM stations')).toEqual([before]);
  });

  it('answers an unknown station with 404 and a malformed id with 400', async () => {
    const unknown = await inject('POST', '/stations/00000000-0000-4000-8000-000000000000/revoke', {
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('STATION_NOT_FOUND');
    expect((await inject('POST', '/stations/nope/pairing-code', { headers: admin.headers })).statusCode).toBe(400);
  });

  it('slows down guessing of pairing codes from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await pair(`GUESS-${i}`, '10.42.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it('does not pair a browser without a code unless STATION_AUTO_PAIR is on', async () => {
    const response = await inject('GET', '/auth/station');
    expect(response.json()).toEqual({ station: null });
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('STATION_AUTO_PAIR (the embedded demo)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true, stationAutoPair: true });
  }, 120_000);
  afterAll(() => t.close());

  it('pairs an unpaired browser to the demo station, whose list holds every demo operator', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/auth/station' });
    expect(first.json().station).toMatchObject({ name: DEMO_STATION_NAME });
    const cookie = first.cookies.find((c) => c.name === 'af_station');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const headers = { cookie: `af_station=${cookie?.value}` };
    // A paired browser keeps its device: no second pairing.
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/auth/station', headers });
    expect(again.headers['set-cookie']).toBeUndefined();
    const operators = (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/station-operators?limit=200', headers })
    ).json().items;
    expect(operators).toHaveLength(12);
    const [devices] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM station_devices');
    expect(devices?.n).toBe(1);
  });

  it('does not pair a revoked tablet again: revocation sticks', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/auth/station' });
    const cookie = `af_station=${first.cookies.find((c) => c.name === 'af_station')?.value}`;
    await t.db.query('UPDATE station_devices SET revoked_at = now()');
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/station', headers: { cookie } });
    expect(after.json()).toEqual({ station: null });
    expect(after.headers['set-cookie']).toBeUndefined();
  });
});
