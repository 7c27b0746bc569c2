import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProductionFixture } from '../../../../production/production-fixture.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { atelierJobDetailSchema } from '@atelier/contracts';

describe('atelier job commands', () => {
  let t: TestApp;
  let manager: { cookie: string };
  let operator: { cookie: string };
  let moId: string;
  let moCode: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await buildTestApp();
    await insertProductionFixture(t.db);
    ({ headers: manager } = await loginAs(t.db, 'manager'));
    ({ headers: operator } = await loginAs(t.db, 'operator'));
    const mo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/manufacturing-orders',
      headers: manager,
      payload: { product: 'Fixture tote', client: 'Maison Verel', quantity: 6, routing: 'PROD-01' },
    });
    ({ id: moId, code: moCode } = mo.json());
  }, 60_000);
  afterAll(() => t.close());

  const post = (url: string, payload?: object, headers: { cookie: string } | Record<string, never> = manager) =>
    t.app.inject({ method: 'POST', url: `/api/v1/atelier-jobs${url}`, headers, ...(payload && { payload }) });
  const job = (extra: Record<string, unknown> = {}) => ({
    product: 'Bespoke tote, initials K.W.',
    customer: 'Kanya W.',
    quantity: 2,
    routing: 'PROD-01',
    ...extra,
  });

  it('creates a draft job with a generated code', async () => {
    const response = await post('', job({ dueDate: '2026-12-24', priority: 2 }));
    expect(response.statusCode).toBe(201);
    expect(atelierJobDetailSchema.parse(response.json())).toMatchObject({
      code: expect.stringMatching(new RegExp(`^AJ-${year}-\\d{4}$`)),
      customer: 'Kanya W.',
      status: 'draft',
      mo: null,
      dueDate: '2026-12-24',
      progress: { notReleased: 2 },
    });
  });

  it('links a hybrid job to its manufacturing order by code or id; the two stay separate records', async () => {
    for (const ref of [moCode, moId]) {
      const response = await post('', job({ moId: ref, customer: null }));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ mo: { id: moId, code: moCode }, customer: null });
    }
    expect(await t.db.prisma.manufacturingOrder.count({ where: { id: moId } })).toBe(1);
  });

  it.each([{ productionType: 'OEM' }, { production_type: 'ATELIER' }, { type: 'OEM' }])(
    'refuses a production type (%o): a job is always ATELIER',
    async (field) => {
      const response = await post('', job(field));
      expect(response.statusCode).toBe(400);
      expect(response.json().detail).toMatch(/always ATELIER/);
    },
  );

  it.each([
    ['an unknown MO', { moId: 'MO-2099-0001' }, 422, 'UNKNOWN_MANUFACTURING_ORDER'],
    ['an unknown routing', { routing: 'NOPE' }, 422, 'UNKNOWN_ROUTING'],
    ['a negative quantity', { quantity: -1 }, 400, 'VALIDATION_FAILED'],
    ['an MO-style code', { code: 'MO-2026-0001' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s and writes nothing', async (_name, extra, status, code) => {
    const before = await t.db.prisma.atelierJob.count();
    const response = await post('', job(extra));
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code });
    expect(await t.db.prisma.atelierJob.count()).toBe(before);
  });

  it('releases a job into ATELIER pieces with the job’s serials, once', async () => {
    const { id, code } = (await post('', job({ code: `AJ-${year}-0500`, quantity: 2 }))).json();
    const response = await post(`/${code}/release`, { attributes: { leather: 'ostrich' } });
    expect(response.statusCode).toBe(200);
    expect(atelierJobDetailSchema.parse(response.json())).toMatchObject({
      status: 'released',
      routing: { version: 1 },
      progress: { inFlight: 2, notReleased: 0 },
    });
    const tokens = await t.db.prisma.token.findMany({ where: { atelierJobId: id }, orderBy: { serial: 'asc' } });
    expect(tokens.map((token) => [token.serial, token.moId, token.currentNodeKey])).toEqual([
      [`${code}-001`, null, 'cut'],
      [`${code}-002`, null, 'cut'],
    ]);
    expect((await post(`/${id}/release`)).json()).toMatchObject({ status: 409, code: 'ORDER_ALREADY_RELEASED' });
    expect((await post('/AJ-2099-0001/release')).json()).toMatchObject({ status: 404, code: 'ATELIER_JOB_NOT_FOUND' });
  });

  it('is for managers, admins and integrators', async () => {
    expect((await post('', job(), {})).statusCode).toBe(401);
    expect((await post('', job(), operator)).statusCode).toBe(403);
    const { id } = (await post('', job())).json();
    expect((await post(`/${id}/release`, undefined, operator)).statusCode).toBe(403);
  });
});
