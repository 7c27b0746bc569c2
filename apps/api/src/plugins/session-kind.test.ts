import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.ts';
import { buildTestApp, type TestApp } from '../test-app.ts';
import { loginAs } from '../testing/auth-for-tests.ts';

/**
 * The RBAC matrix with the session kind as a dimension: a password session gets every role the
 * person holds, a station (PIN) session only the operator's, whatever else the person is.
 * "Allowed" means the route let the caller past its role check (any answer but 401/403; the
 * empty bodies make allowed writes stop at validation, so nothing is written).
 */
const ROUTES: readonly { method: 'GET' | 'POST'; url: string; roles: readonly Role[] }[] = [
  { method: 'GET', url: '/api/v1/api-keys', roles: ['admin'] },
  { method: 'POST', url: '/api/v1/api-keys', roles: ['admin'] },
  { method: 'POST', url: '/api/v1/users', roles: ['admin'] },
  { method: 'POST', url: '/api/v1/manufacturing-orders', roles: ['manager', 'admin', 'integrator'] },
  { method: 'POST', url: '/api/v1/graphs', roles: ['admin', 'designer'] },
  { method: 'GET', url: '/api/v1/work-items', roles: ['admin', 'designer', 'manager', 'operator', 'integrator'] },
  { method: 'GET', url: '/api/v1/me', roles: ['admin', 'designer', 'manager', 'operator', 'integrator'] },
];

const PEOPLE: readonly Role[] = ['admin', 'manager', 'designer', 'integrator', 'operator'];

describe('session kind in the RBAC matrix', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(() => t.close());

  for (const kind of ['password', 'station'] as const) {
    for (const role of PEOPLE) {
      it(`a ${role} who is also an operator, on a ${kind} session`, async () => {
        const login = await loginAs(t.db, role, {
          extraRoles: role === 'operator' ? [] : ['operator'],
          station: kind === 'station',
        });
        const effective: readonly Role[] =
          kind === 'station' || role === 'operator' ? ['operator'] : [role, 'operator'];
        for (const route of ROUTES) {
          const response = await t.app.inject({
            method: route.method,
            url: route.url,
            headers: login.headers,
            ...(route.method === 'POST' && { payload: {} }),
          });
          const allowed = route.roles.some((r) => effective.includes(r));
          const label = `${route.method} ${route.url}`;
          if (allowed) expect([401, 403], label).not.toContain(response.statusCode);
          else
            expect({ label, status: response.statusCode, code: response.json().code }).toEqual({
              label,
              status: 403,
              code: 'ROLE_NOT_ALLOWED',
            });
        }
        const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: login.headers })).json();
        expect(me).toMatchObject({ station: kind === 'station', roles: [...effective] });
      });
    }
  }

  it('gives a station session of someone who is no operator no role at all', async () => {
    const admin = await loginAs(t.db, 'admin', { station: true });
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toBe('This needs the role admin; you have no role.');
  });
});
