import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { insertPublishedRouting, normalEdges } from '../../../../testing/routing-fixture.ts';

const preset = (code: string) => ({
  code,
  name: 'Edge Gilding',
  nodeType: 'operation',
  config: { workCenter: 'CUT', standardMinutes: 10, minOperators: 1, maxOperators: 1 },
  description: 'Gold leaf on the edges.',
});

describe('DELETE /api/v1/node-presets/:id', () => {
  let t: TestApp;
  let designer: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp();
    designer = (await loginAs(t.db, 'designer')).headers;
  }, 120_000);
  afterAll(() => t.close());

  const call = (method: 'POST' | 'DELETE' | 'GET', url: string, payload?: object, headers = designer) =>
    t.app.inject({ method, url: `/api/v1/node-presets${url}`, headers, ...(payload ? { payload } : {}) });
  const events = (code: string) =>
    t.db.query<{ type: string; actor: string }>(
      `SELECT type, actor FROM events WHERE type LIKE 'node_preset.%' AND data->>'code' = $1 ORDER BY seq`,
      [code],
    );

  it('deletes a preset of the factory, with its event, and it is gone from the palette', async () => {
    const created = await call('POST', '', preset('gilding-del'));
    expect(created.statusCode, created.body).toBe(201);
    const response = await call('DELETE', `/${created.json().id}`);
    expect(response.statusCode, response.body).toBe(204);
    expect((await call('GET', '/gilding-del')).statusCode).toBe(404);
    expect((await events('gilding-del')).map((event) => event.type)).toEqual([
      'node_preset.created',
      'node_preset.deleted',
    ]);
    // Deleting it again finds nothing.
    expect((await call('DELETE', '/gilding-del')).json().code).toBe('NODE_PRESET_NOT_FOUND');
  });

  it('keeps a preset a routing version names, and says which, writing nothing', async () => {
    expect((await call('POST', '', preset('gilding-used'))).statusCode).toBe(201);
    await insertPublishedRouting(t.db, {
      format: 'routing-graph/v1',
      code: 'GILD-01',
      name: 'Gilded wallet',
      nodes: [
        { key: 'start', type: 'start', name: 'Start' },
        { key: 'gild', type: 'operation', name: 'Gilding', config: { ...preset('x').config, preset: 'gilding-used' } },
        { key: 'end', type: 'end', name: 'End' },
      ],
      edges: normalEdges('start', 'gild', 'end'),
    });
    const response = await call('DELETE', '/gilding-used');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'NODE_PRESET_IN_USE', usedBy: [{ code: 'GILD-01', number: 1 }] });
    expect((await call('GET', '/gilding-used')).statusCode).toBe(200);
    expect((await events('gilding-used')).map((event) => event.type)).toEqual(['node_preset.created']);
  });

  it('never deletes a shipped preset, and lets only admins and designers delete', async () => {
    const shipped = await call('DELETE', '/cutting');
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().code).toBe('NODE_PRESET_BUILTIN');
    expect((await call('POST', '', preset('gilding-kept'))).statusCode).toBe(201);
    const manager = (await loginAs(t.db, 'manager')).headers;
    expect((await call('DELETE', '/gilding-kept', undefined, manager)).statusCode).toBe(403);
    expect((await call('GET', '/gilding-kept')).statusCode).toBe(200);
  });

  it('lets exactly one of two concurrent deletes of a preset succeed', async () => {
    expect((await call('POST', '', preset('gilding-race'))).statusCode).toBe(201);
    const answers = await Promise.all([call('DELETE', '/gilding-race'), call('DELETE', '/gilding-race')]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([204, 404]);
    expect((await events('gilding-race')).filter((event) => event.type === 'node_preset.deleted')).toHaveLength(1);
  });
});
