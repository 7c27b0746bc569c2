import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/roles.ts';
import { buildTestApp, type TestApp } from '../test-app.ts';
import { loginAs } from '../testing/auth-for-tests.ts';

/** A JSON body or expected subset of one. */
type Json = Record<string, unknown>;

/** What {@link describeCatalogRoutes} checks for one master-data resource. */
export interface CatalogSuiteOptions {
  /** e.g. `/api/v1/skills`. */
  readonly path: string;
  /** Event-type prefix (`work_center`). */
  readonly entity: string;
  /** The field holding the unique code (`code`, or `username` for users). */
  readonly codeField: string;
  readonly notFoundCode: string;
  readonly duplicateCode: string;
  readonly readRoles: readonly Role[];
  readonly writeRoles: readonly Role[];
  /** Rows the bodies below refer to, created through the API by an admin before the tests. */
  readonly prerequisites?: readonly { path: string; body: Json }[];
  /** A valid create body for the code given; and what the created item shows (a subset). */
  create(code: string): Json;
  readonly created: Json;
  /** A valid update body and what the updated item shows. */
  readonly update: Json;
  readonly updated: Json;
  /** Create bodies the schema refuses (400), by label. */
  readonly invalidCreates: readonly (readonly [string, Json])[];
  /** A create body naming a code that does not exist (422 `UNKNOWN_REFERENCE`), when the resource refers to others. */
  readonly unknownReference?: Json;
  /** The body field the 422 names for {@link unknownReference} (`team`, `skills.0.code`). */
  readonly unknownReferencePath?: string;
}

/**
 * The behaviour every master-data resource shares, checked over HTTP on a real database: create,
 * read by id and code, update, deactivate/reactivate, paging, duplicates, bad input without partial
 * writes, authentication and roles, and the event row of each change.
 */
export function describeCatalogRoutes(options: CatalogSuiteOptions): void {
  const { path, entity, codeField } = options;
  describe(`${path} (master data)`, () => {
    let t: TestApp;
    let admin: { cookie: string };
    let writer: { cookie: string };
    let writerRef: string;

    beforeAll(async () => {
      t = await buildTestApp();
      admin = (await loginAs(t.db, 'admin')).headers;
      const login = await loginAs(t.db, options.writeRoles[0] ?? 'admin');
      writer = login.headers;
      writerRef = `user:${login.userId}`;
      for (const prerequisite of options.prerequisites ?? []) {
        const response = await t.app.inject({
          method: 'POST',
          url: prerequisite.path,
          headers: admin,
          payload: prerequisite.body,
        });
        expect(response.statusCode, response.body).toBe(201);
      }
    }, 120_000);
    afterAll(() => t.close());

    const call = (
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      headers: { cookie: string } | undefined,
      payload?: Json,
    ) => t.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });
    const events = () =>
      t.db.query<{ type: string; actor: string | null; data: { code: string; changed: string[] } }>(
        `SELECT type, actor, data FROM events WHERE type LIKE $1 ORDER BY seq`,
        [`${entity}.%`],
      );
    const rowCount = async () =>
      (await call('GET', `${path}?includeInactive=true&limit=200`, admin)).json().items.length as number;
    const expectProblem = (
      response: { statusCode: number; headers: Record<string, unknown>; json(): Json },
      status: number,
      code: string,
    ) => {
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status, code });
    };

    it('creates an item (201), finds it by id and by code, and records who did it in the outbox', async () => {
      const response = await call('POST', path, writer, options.create('alpha-1'));
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json();
      expect(item).toMatchObject({ ...options.created, [codeField]: 'alpha-1', active: true });
      for (const key of [item.id, 'alpha-1']) {
        const found = await call('GET', `${path}/${key}`, writer);
        expect(found.statusCode).toBe(200);
        expect(found.json()).toEqual(item);
      }
      const [event] = (await events()).filter((row) => row.type === `${entity}.created` && row.data.code === 'alpha-1');
      expect(event?.actor).toBe(writerRef);
    });

    it('refuses a second item with the same code with a 409 and writes nothing', async () => {
      await call('POST', path, writer, options.create('dup-1'));
      const before = { rows: await rowCount(), events: (await events()).length };
      const response = await call('POST', path, writer, options.create('dup-1'));
      expectProblem(response, 409, options.duplicateCode);
      // A form shows the conflict beside the code field, so the problem names it.
      expect(response.json().errors).toEqual([{ in: 'body', path: codeField, message: response.json().detail }]);
      expect({ rows: await rowCount(), events: (await events()).length }).toEqual(before);
    });

    it('lets exactly one of three concurrent creates of one code win', async () => {
      const responses = await Promise.all([1, 2, 3].map(() => call('POST', path, writer, options.create('race-1'))));
      expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
      const listed = ((await call('GET', `${path}?limit=200`, writer)).json().items as Json[]).filter(
        (item) => item[codeField] === 'race-1',
      );
      expect(listed).toHaveLength(1);
    });

    it.each(options.invalidCreates)(
      'refuses a create body with %s (400 problem, nothing written)',
      async (_label, body) => {
        const before = await rowCount();
        expectProblem(await call('POST', path, writer, body), 400, 'VALIDATION_FAILED');
        expect(await rowCount()).toBe(before);
      },
    );

    if (options.unknownReference !== undefined) {
      const body = options.unknownReference;
      it('refuses a reference to an unknown code with a 422 naming it, and writes nothing', async () => {
        const before = await rowCount();
        const response = await call('POST', path, writer, body);
        expectProblem(response, 422, 'UNKNOWN_REFERENCE');
        expect(response.json().missing.length).toBeGreaterThan(0);
        expect(response.json().errors).toEqual([
          {
            in: 'body',
            path: options.unknownReferencePath,
            message: expect.stringContaining(response.json().missing[0]),
          },
        ]);
        expect(await rowCount()).toBe(before);
      });
    }

    it('changes only the fields given, keeps the code, and records the changed field names', async () => {
      await call('POST', path, writer, options.create('upd-1'));
      const response = await call('PATCH', `${path}/upd-1`, writer, options.update);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ ...options.updated, [codeField]: 'upd-1' });
      expect((await call('GET', `${path}/upd-1`, writer)).json()).toEqual(response.json());
      const updates = (await events()).filter((row) => row.type === `${entity}.updated` && row.data.code === 'upd-1');
      expect(updates.map((row) => row.data.changed.sort())).toEqual([Object.keys(options.update).sort()]);
    });

    it('refuses an empty change, a change of the code, and a change of an unknown item', async () => {
      expectProblem(await call('PATCH', `${path}/alpha-1`, writer, {}), 400, 'VALIDATION_FAILED');
      expectProblem(
        await call('PATCH', `${path}/alpha-1`, writer, { ...options.update, [codeField]: 'other' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await call('PATCH', `${path}/no-such-code`, writer, options.update), 404, options.notFoundCode);
      expectProblem(
        await call('GET', `${path}/00000000-0000-4000-8000-000000000000`, writer),
        404,
        options.notFoundCode,
      );
    });

    it('deactivates: the item leaves the default list, stays readable, and comes back when reactivated', async () => {
      await call('POST', path, writer, options.create('off-1'));
      const listed = async (query = '') =>
        ((await call('GET', `${path}?limit=200${query}`, writer)).json().items as Json[]).map(
          (item) => item[codeField],
        );
      const off = await call('POST', `${path}/off-1/deactivate`, writer);
      expect(off.statusCode).toBe(200);
      expect(off.json().active).toBe(false);
      expect(await listed()).not.toContain('off-1');
      expect(await listed('&includeInactive=true')).toContain('off-1');
      expect((await call('GET', `${path}/off-1`, writer)).json().active).toBe(false);

      const again = await call('POST', `${path}/off-1/deactivate`, writer);
      expect(again.json().active).toBe(false);
      const on = await call('POST', `${path}/off-1/reactivate`, writer);
      expect(on.json().active).toBe(true);
      expect(await listed()).toContain('off-1');
      const lifecycle = (await events()).filter((row) => row.data.code === 'off-1').map((row) => row.type);
      expect(lifecycle).toEqual([`${entity}.created`, `${entity}.deactivated`, `${entity}.reactivated`]);
      expectProblem(await call('POST', `${path}/no-such-code/deactivate`, writer), 404, options.notFoundCode);
    });

    it('pages in code order with an opaque cursor, and refuses a forged one', async () => {
      for (const code of ['page-c', 'page-a', 'page-b']) await call('POST', path, writer, options.create(code));
      const all = ((await call('GET', `${path}?limit=200`, writer)).json().items as Json[]).map((item) =>
        String(item[codeField]),
      );
      expect(all).toEqual([...all].sort());
      const paged: string[] = [];
      let url = `${path}?limit=2`;
      for (let pages = 0; pages < 100; pages += 1) {
        const page = (await call('GET', url, writer)).json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((item: Json) => String(item[codeField])));
        if (page.nextCursor === null) break;
        url = `${path}?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
      }
      expect(paged).toEqual(all);
      expectProblem(await call('GET', `${path}?cursor=forged`, writer), 400, 'INVALID_CURSOR');
      expectProblem(await call('GET', `${path}?includeInactive=maybe`, writer), 400, 'VALIDATION_FAILED');
    });

    it('answers 401 without a session', async () => {
      expectProblem(await call('GET', path, undefined), 401, 'AUTHENTICATION_REQUIRED');
      expectProblem(await call('POST', path, undefined, options.create('anon-1')), 401, 'AUTHENTICATION_REQUIRED');
    });

    it('lets exactly the reading roles read and the writing roles write', async () => {
      for (const role of ROLES) {
        const { headers } = await loginAs(t.db, role);
        const read = await call('GET', path, headers);
        expect({ role, status: read.statusCode }).toEqual({
          role,
          status: options.readRoles.includes(role) ? 200 : 403,
        });
        const write = await call('POST', path, headers, options.create(`role-${role}`));
        expect({ role, status: write.statusCode }).toEqual({
          role,
          status: options.writeRoles.includes(role) ? 201 : 403,
        });
        const deactivate = await call('POST', `${path}/alpha-1/deactivate`, headers);
        if (!options.writeRoles.includes(role))
          expect({ role, status: deactivate.statusCode }).toEqual({ role, status: 403 });
      }
    });
  });
}
