import { DEFAULT_PRESETS } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCatalogRoutes } from '../../../../catalog/catalog-route-suite.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { nodePresetPageSchema } from '@atelier/contracts';

const gilding = {
  workCenter: 'GLD',
  standardMinutes: 10,
  minOperators: 1,
  maxOperators: 1,
  skills: [{ code: 'gilding', minLevel: 3 }],
};

describeCatalogRoutes({
  path: '/api/v1/node-presets',
  entity: 'node_preset',
  codeField: 'code',
  notFoundCode: 'NODE_PRESET_NOT_FOUND',
  duplicateCode: 'NODE_PRESET_CODE_TAKEN',
  readRoles: ['admin', 'designer', 'manager'],
  writeRoles: ['designer', 'admin'],
  create: (code) => ({
    code,
    name: 'Edge Gilding',
    nodeType: 'operation',
    config: gilding,
    description: 'Gold leaf on the edges.',
  }),
  created: { name: 'Edge Gilding', nodeType: 'operation', config: gilding, builtin: false },
  update: { config: { ...gilding, standardMinutes: 14 } },
  updated: { name: 'Edge Gilding', config: { ...gilding, standardMinutes: 14 } },
  invalidCreates: [
    ['an upper-case code', { code: 'Gilding', name: 'Gilding', nodeType: 'operation', config: {} }],
    ['an unknown node type', { code: 'gilding-x', name: 'Gilding', nodeType: 'gilding', config: {} }],
    [
      'an unknown config field',
      { code: 'gilding-x', name: 'Gilding', nodeType: 'operation', config: { colour: 'gold' } },
    ],
    [
      'a preset reference inside the config',
      { code: 'gilding-x', name: 'Gilding', nodeType: 'operation', config: { preset: 'cutting' } },
    ],
  ],
});

describe('/api/v1/node-presets (palette)', () => {
  let t: TestApp;
  let designer: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp();
    designer = (await loginAs(t.db, 'designer')).headers;
  }, 120_000);
  afterAll(() => t.close());

  const all = async () =>
    nodePresetPageSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/v1/node-presets?limit=200', headers: designer })).json(),
    ).items;

  it('lists the shipped defaults even when the database holds none, merged with the factory presets in code order', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/node-presets',
      headers: designer,
      payload: { code: 'hot-stamping', name: 'Hot Stamping', nodeType: 'operation', config: gilding },
    });
    const presets = await all();
    expect(
      presets
        .filter((preset) => preset.builtin)
        .map((preset) => preset.code)
        .sort(),
    ).toEqual(DEFAULT_PRESETS.map((preset) => preset.code).sort());
    const cutting = presets.find((preset) => preset.code === 'cutting');
    expect(cutting).toMatchObject({
      id: null,
      name: 'Cutting',
      builtin: true,
      active: true,
      config: DEFAULT_PRESETS.find((preset) => preset.code === 'cutting')?.config,
    });
    expect(presets.find((preset) => preset.code === 'hot-stamping')).toMatchObject({ builtin: false, description: '' });
    expect(presets.map((preset) => preset.code)).toEqual(presets.map((preset) => preset.code).sort());
  });

  it('keeps shipped presets read-only and their codes reserved', async () => {
    for (const request of [
      { method: 'PATCH' as const, url: '/api/v1/node-presets/cutting', payload: { name: 'Die cutting' } },
      { method: 'POST' as const, url: '/api/v1/node-presets/qc-inspection/deactivate', payload: {} },
      {
        method: 'POST' as const,
        url: '/api/v1/node-presets',
        payload: { code: 'packing', name: 'Packing', nodeType: 'operation', config: {} },
      },
    ]) {
      const response = await t.app.inject({ ...request, headers: designer });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe(
        request.method === 'PATCH' || request.url.endsWith('deactivate')
          ? 'NODE_PRESET_BUILTIN'
          : 'NODE_PRESET_CODE_TAKEN',
      );
    }
    expect((await all()).find((preset) => preset.code === 'cutting')?.name).toBe('Cutting');
  });

  it('serves the shipped definition of a default the seed stored, with the stored id', async () => {
    const seeded = await buildTestApp({ seed: true });
    try {
      const headers = (await loginAs(seeded.db, 'manager')).headers;
      const response = await seeded.app.inject({ method: 'GET', url: '/api/v1/node-presets/stitching-2', headers });
      const stored = await seeded.db.prisma.nodePreset.findUniqueOrThrow({ where: { code: 'stitching-2' } });
      expect(response.json()).toMatchObject({
        id: stored.id,
        builtin: true,
        description: DEFAULT_PRESETS.find((preset) => preset.code === 'stitching-2')?.description,
      });
      expect(
        (await seeded.app.inject({ method: 'GET', url: `/api/v1/node-presets/${stored.id}`, headers })).json().code,
      ).toBe('stitching-2');
    } finally {
      await seeded.close();
    }
  });
});
