import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../../auth/roles.ts';
import { describeCatalogRoutes } from '../../../../catalog/catalog-route-suite.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';

describeCatalogRoutes({
  path: '/api/v1/shifts',
  entity: 'shift',
  codeField: 'code',
  notFoundCode: 'SHIFT_NOT_FOUND',
  duplicateCode: 'SHIFT_CODE_TAKEN',
  readRoles: ROLES,
  writeRoles: ['admin'],
  prerequisites: [
    { path: '/api/v1/work-centers', body: { code: 'STI', name: 'Stitching' } },
    { path: '/api/v1/teams', body: { code: 'LINE', name: 'Stitching line', workCenter: 'STI' } },
  ],
  create: (code) => ({
    code,
    name: 'Night stitching',
    startMinute: 22 * 60,
    endMinute: 6 * 60,
    team: 'LINE',
    workCenter: 'STI',
  }),
  created: { startMinute: 1320, endMinute: 360, weekdays: [1, 2, 3, 4, 5], team: 'LINE', workCenter: 'STI' },
  update: { weekdays: [6, 7], team: null },
  updated: { weekdays: [6, 7], team: null, workCenter: 'STI' },
  invalidCreates: [
    ['the same start and end', { code: 'X-1', name: 'Empty', startMinute: 480, endMinute: 480 }],
    ['a minute past midnight of the next day', { code: 'X-1', name: 'Long', startMinute: 480, endMinute: 1500 }],
    ['weekday 8', { code: 'X-1', name: 'Day', startMinute: 480, endMinute: 960, weekdays: [1, 8] }],
    ['a weekday twice', { code: 'X-1', name: 'Day', startMinute: 480, endMinute: 960, weekdays: [1, 1] }],
    ['no weekday', { code: 'X-1', name: 'Day', startMinute: 480, endMinute: 960, weekdays: [] }],
  ],
  unknownReference: { code: 'X-2', name: 'Day', startMinute: 480, endMinute: 960, team: 'NOPE' },
  unknownReferencePath: 'team',
});

describe('/api/v1/shifts (working window)', () => {
  let t: TestApp;
  let admin: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp();
    admin = (await loginAs(t.db, 'admin')).headers;
  }, 120_000);
  afterAll(() => t.close());

  it('checks a change of one end of the window against the stored other end', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/shifts',
      headers: admin,
      payload: { code: 'EARLY', name: 'Early', startMinute: 360, endMinute: 840 },
    });
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/shifts/EARLY',
      headers: admin,
      payload: { endMinute: 360 },
    });
    expect([response.statusCode, response.json().code]).toEqual([422, 'SHIFT_EMPTY']);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/shifts/EARLY',
      headers: admin,
      payload: { startMinute: 300, endMinute: 360 },
    });
    expect(moved.json()).toMatchObject({ startMinute: 300, endMinute: 360 });
  });
});
