import { readFileSync } from 'node:fs';
import { GRAPH_FORMAT, type RoutingGraph } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../env.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { graphDetailSchema, graphPageSchema, graphVersionSchema, publishedVersionSchema } from '@atelier/contracts';

const tote = JSON.parse(readFileSync(`${repoRoot}/examples/routings/tote-bag.json`, 'utf8')) as RoutingGraph;

/** A small valid routing using the seeded factory's vocabulary. */
function cardHolder(code: string, workCenter = 'CUT'): RoutingGraph {
  return {
    format: GRAPH_FORMAT,
    code,
    name: 'Card holder',
    nodes: [
      { key: 'start', type: 'start', name: 'Start' },
      {
        key: 'cut',
        type: 'operation',
        name: 'Cutting',
        config: {
          workCenter,
          standardMinutes: 6,
          minOperators: 1,
          maxOperators: 1,
          skills: [{ code: 'cutting', minLevel: 2 }],
        },
      },
      { key: 'end', type: 'end', name: 'End' },
    ],
    edges: [
      { from: 'start', to: 'cut', kind: 'normal' },
      { from: 'cut', to: 'end', kind: 'normal' },
    ],
  };
}

describe('routing graph routes', () => {
  let t: TestApp;
  let designer: { cookie: string };
  let designerRef: string;
  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
    const login = await loginAs(t.db, 'designer');
    designer = login.headers;
    designerRef = `user:${login.userId}`;
  }, 120_000);
  afterAll(() => t.close());

  type Method = 'GET' | 'POST' | 'PUT';
  const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...designer, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const graphEvents = (code: string) =>
    t.db.query<{ type: string; actor: string; data: { number?: number; revision?: number } }>(
      `SELECT type, actor, data FROM events WHERE type LIKE 'graph%' AND data->>'code' = $1 ORDER BY seq`,
      [code],
    );
  const problem = (response: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }) => {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return { status: response.statusCode, code: response.json().code };
  };

  describe('graphs', () => {
    it('lists the demo routings with their newest published version and open draft', async () => {
      const page = graphPageSchema.parse((await call('GET', '/api/v1/graphs')).json());
      expect(page.items.map((graph) => [graph.code, graph.latestPublished, graph.draft])).toEqual([
        ['BELT-01', 1, null],
        ['EDGE-01', 1, null],
        ['TOTE-01', 1, 2],
        ['WALLET-01', 1, null],
      ]);
      const first = graphPageSchema.parse((await call('GET', '/api/v1/graphs?limit=3')).json());
      const rest = graphPageSchema.parse(
        (await call('GET', `/api/v1/graphs?limit=3&cursor=${first.nextCursor}`)).json(),
      );
      expect([...first.items, ...rest.items].map((graph) => graph.code)).toEqual(page.items.map((graph) => graph.code));
      expect(rest.nextCursor).toBeNull();
    });

    it('creates a graph with a starter draft v1, by id or code, with its events', async () => {
      const response = await call('POST', '/api/v1/graphs', { code: 'KEY-01', name: 'Key ring' });
      expect(response.statusCode, response.body).toBe(201);
      const graph = graphDetailSchema.parse(response.json());
      expect(graph).toMatchObject({
        code: 'KEY-01',
        name: 'Key ring',
        draft: 1,
        latestPublished: null,
        versionCount: 1,
      });
      expect((await call('GET', `/api/v1/graphs/${graph.id}`)).json()).toEqual(
        (await call('GET', '/api/v1/graphs/KEY-01')).json(),
      );
      const version = graphVersionSchema.parse((await call('GET', '/api/v1/graphs/KEY-01/versions/1')).json());
      expect(version.body.edges).toEqual([{ from: 'start', to: 'end', kind: 'normal' }]);
      expect((await graphEvents('KEY-01')).map((event) => [event.type, event.actor])).toEqual([
        ['graph.created', designerRef],
        ['graph_version.drafted', designerRef],
      ]);
    });

    it('creates a graph from a given body, and refuses a body for another code, a bad body or a taken code', async () => {
      expect(
        (await call('POST', '/api/v1/graphs', { code: 'CARD-01', name: 'Card holder', body: cardHolder('CARD-01') }))
          .statusCode,
      ).toBe(201);
      expect((await call('GET', '/api/v1/graphs/CARD-01/versions/1')).json().body).toEqual(cardHolder('CARD-01'));
      expect(
        problem(await call('POST', '/api/v1/graphs', { code: 'CARD-02', name: 'Card', body: cardHolder('CARD-99') })),
      ).toEqual({ status: 422, code: 'GRAPH_CODE_MISMATCH' });
      expect(
        problem(
          await call('POST', '/api/v1/graphs', {
            code: 'CARD-02',
            name: 'Card',
            body: { ...cardHolder('CARD-02'), nodes: 'none' },
          }),
        ),
      ).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(problem(await call('POST', '/api/v1/graphs', { code: 'TOTE-01', name: 'Another tote' }))).toEqual({
        status: 409,
        code: 'GRAPH_CODE_TAKEN',
      });
      expect(await t.db.prisma.routingGraph.findUnique({ where: { code: 'CARD-02' } })).toBeNull();
    });

    it("lists a graph's versions newest first, a page at a time", async () => {
      await call('POST', '/api/v1/graphs', { code: 'PAGES-01', name: 'Pages', body: cardHolder('PAGES-01') });
      for (const number of [1, 2]) {
        await call('POST', `/api/v1/graphs/PAGES-01/versions/${number}/publish`);
        await call('POST', '/api/v1/graphs/PAGES-01/versions');
      }
      const first = (await call('GET', '/api/v1/graphs/PAGES-01/versions?limit=2')).json();
      expect(
        first.items.map((version: { number: number; status: string }) => [version.number, version.status]),
      ).toEqual([
        [3, 'draft'],
        [2, 'published'],
      ]);
      const second = (await call('GET', `/api/v1/graphs/PAGES-01/versions?limit=2&cursor=${first.nextCursor}`)).json();
      expect(second).toMatchObject({ items: [{ number: 1, status: 'published' }], nextCursor: null });
      const forged = Buffer.from(JSON.stringify({ after: 'three' })).toString('base64url');
      expect(problem(await call('GET', `/api/v1/graphs/PAGES-01/versions?cursor=${forged}`))).toEqual({
        status: 400,
        code: 'INVALID_CURSOR',
      });
    });

    it('answers unknown graphs and versions with 404 and a bad version number with 400', async () => {
      expect(problem(await call('GET', '/api/v1/graphs/NOPE-01'))).toEqual({ status: 404, code: 'GRAPH_NOT_FOUND' });
      expect(problem(await call('GET', '/api/v1/graphs/TOTE-01/versions/99'))).toEqual({
        status: 404,
        code: 'GRAPH_VERSION_NOT_FOUND',
      });
      expect(problem(await call('GET', '/api/v1/graphs/TOTE-01/versions/zero'))).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    });
  });

  describe('drafts', () => {
    it('saves a draft only with the ETag it was loaded with: 428 without, 412 when stale, a new ETag on success', async () => {
      await call('POST', '/api/v1/graphs', { code: 'BAG-01', name: 'Bag', body: cardHolder('BAG-01') });
      const loaded = await call('GET', '/api/v1/graphs/BAG-01/versions/1');
      expect(loaded.headers.etag).toBe('"0"');
      const edited = { ...cardHolder('BAG-01'), name: 'Bag, edited' };

      expect(problem(await call('PUT', '/api/v1/graphs/BAG-01/versions/1', edited))).toEqual({
        status: 428,
        code: 'IF_MATCH_REQUIRED',
      });
      const saved = await call('PUT', '/api/v1/graphs/BAG-01/versions/1', edited, { 'if-match': '"0"' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.headers.etag).toBe('"1"');
      expect(saved.json()).toMatchObject({ revision: 1, body: edited });

      const stale = await call('PUT', '/api/v1/graphs/BAG-01/versions/1', cardHolder('BAG-01'), { 'if-match': '"0"' });
      expect(problem(stale)).toEqual({ status: 412, code: 'REVISION_MISMATCH' });
      expect(stale.json().currentRevision).toBe(1);
      expect(
        problem(await call('PUT', '/api/v1/graphs/BAG-01/versions/1', edited, { 'if-match': 'yesterday' })),
      ).toEqual({ status: 400, code: 'INVALID_IF_MATCH' });
      expect((await call('GET', '/api/v1/graphs/BAG-01/versions/1')).json().body.name).toBe('Bag, edited');
      expect(
        (await graphEvents('BAG-01'))
          .filter((event) => event.type === 'graph_version.updated')
          .map((event) => event.data.revision),
      ).toEqual([1]);
    });

    it('lets exactly one of two editors saving the same revision win', async () => {
      await call('POST', '/api/v1/graphs', { code: 'RACE-01', name: 'Race', body: cardHolder('RACE-01') });
      const [a, b] = await Promise.all(
        ['Alice', 'Bob'].map((who) =>
          call(
            'PUT',
            '/api/v1/graphs/RACE-01/versions/1',
            { ...cardHolder('RACE-01'), name: who },
            { 'if-match': '"0"' },
          ),
        ),
      );
      expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 412]);
      const winner = a?.statusCode === 200 ? 'Alice' : 'Bob';
      expect((await call('GET', '/api/v1/graphs/RACE-01/versions/1')).json()).toMatchObject({
        revision: 1,
        body: { name: winner },
      });
    });

    it('answers a schema error with a 400 listing JSON paths, and changes nothing', async () => {
      const broken = {
        ...cardHolder('CARD-01'),
        nodes: [
          { key: 'start', type: 'begin', name: 'Start' },
          { key: 'cut', type: 'operation', name: 'Cut', config: { standardMinutes: 'twelve' } },
        ],
        extra: true,
      };
      const response = await call('PUT', '/api/v1/graphs/CARD-01/versions/1', broken, { 'if-match': '"0"' });
      expect(problem(response)).toEqual({ status: 400, code: 'GRAPH_SCHEMA_INVALID' });
      expect(
        response
          .json()
          .errors.map((error: { path: string }) => error.path)
          .sort(),
      ).toEqual(['$.extra', '$.nodes[0].type', '$.nodes[1].config.standardMinutes']);
      expect((await call('GET', '/api/v1/graphs/CARD-01/versions/1')).json().revision).toBe(0);
      expect(
        problem(await call('PUT', '/api/v1/graphs/CARD-01/versions/1', cardHolder('WALLET-01'), { 'if-match': '"0"' })),
      ).toEqual({ status: 422, code: 'GRAPH_CODE_MISMATCH' });
    });

    it('saves a draft that breaks graph rules (only publishing is blocked by them)', async () => {
      const dangling = { ...cardHolder('CARD-01'), edges: [{ from: 'start', to: 'cut', kind: 'normal' as const }] };
      expect((await call('PUT', '/api/v1/graphs/CARD-01/versions/1', dangling, { 'if-match': '"0"' })).statusCode).toBe(
        200,
      );
    });

    it('refuses to edit a published version', async () => {
      const response = await call(
        'PUT',
        '/api/v1/graphs/WALLET-01/versions/1',
        { ...tote, code: 'WALLET-01' },
        { 'if-match': '"4"' },
      );
      expect(problem(response)).toEqual({ status: 409, code: 'VERSION_NOT_DRAFT' });
    });

    it('opens one draft at a time, copied from the newest version or the one asked for', async () => {
      expect(problem(await call('POST', '/api/v1/graphs/TOTE-01/versions', {}))).toEqual({
        status: 409,
        code: 'DRAFT_EXISTS',
      });
      const belt = await call('POST', '/api/v1/graphs/BELT-01/versions');
      expect(belt.statusCode, belt.body).toBe(201);
      expect(belt.json()).toMatchObject({ number: 2, status: 'draft', revision: 0 });
      expect(belt.json().body).toEqual((await call('GET', '/api/v1/graphs/BELT-01/versions/1')).json().body);
      expect(problem(await call('POST', '/api/v1/graphs/BELT-01/versions', { from: 1 }))).toEqual({
        status: 409,
        code: 'DRAFT_EXISTS',
      });
      expect(problem(await call('POST', '/api/v1/graphs/WALLET-01/versions', { from: 7 }))).toEqual({
        status: 404,
        code: 'GRAPH_VERSION_NOT_FOUND',
      });
    });

    it('opens exactly one draft when two designers ask at once', async () => {
      const responses = await Promise.all([1, 2, 3].map(() => call('POST', '/api/v1/graphs/EDGE-01/versions', {})));
      expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
      expect(await t.db.prisma.graphVersion.count({ where: { graph: { code: 'EDGE-01' }, status: 'draft' } })).toBe(1);
    });
  });

  describe('publish and retire', () => {
    it('refuses to publish a draft with validation errors (422 with the issues) and changes nothing', async () => {
      await call('POST', '/api/v1/graphs', { code: 'GHOST-01', name: 'Ghost', body: cardHolder('GHOST-01', 'GHOST') });
      const response = await call('POST', '/api/v1/graphs/GHOST-01/versions/1/publish');
      expect(problem(response)).toEqual({ status: 422, code: 'GRAPH_INVALID' });
      expect(response.json().issues).toContainEqual(
        expect.objectContaining({ code: 'UNKNOWN_REFERENCE', severity: 'error', nodeKeys: ['cut'] }),
      );
      expect((await call('GET', '/api/v1/graphs/GHOST-01/versions/1')).json().status).toBe('draft');
      expect((await graphEvents('GHOST-01')).map((event) => event.type)).not.toContain('graph_version.published');
    });

    it('publishes a valid draft; the earlier published version stays published for its pinned tokens', async () => {
      const response = await call('POST', '/api/v1/graphs/TOTE-01/versions/2/publish', undefined, {
        'if-match': '"3"',
      });
      expect(response.statusCode, response.body).toBe(200);
      const published = publishedVersionSchema.parse(response.json());
      expect(published).toMatchObject({ number: 2, status: 'published' });
      expect(published.issues.every((issue) => issue.severity === 'warning')).toBe(true);
      const graph = graphDetailSchema.parse((await call('GET', '/api/v1/graphs/TOTE-01')).json());
      expect(graph).toMatchObject({ latestPublished: 2, draft: null });
      expect(graph.versions.map((version) => [version.number, version.status])).toEqual([
        [2, 'published'],
        [1, 'published'],
      ]);
      expect(
        await t.db.prisma.token.count({ where: { graphVersion: { number: 1, graph: { code: 'TOTE-01' } } } }),
      ).toBeGreaterThan(0);
      expect(problem(await call('POST', '/api/v1/graphs/TOTE-01/versions/2/publish'))).toEqual({
        status: 409,
        code: 'VERSION_NOT_DRAFT',
      });
      expect((await graphEvents('TOTE-01')).map((event) => event.type).at(-1)).toBe('graph_version.published');
    });

    it('refuses a publish with a stale If-Match', async () => {
      await call('POST', '/api/v1/graphs', { code: 'PUB-01', name: 'Pub', body: cardHolder('PUB-01') });
      expect(
        problem(await call('POST', '/api/v1/graphs/PUB-01/versions/1/publish', undefined, { 'if-match': '"5"' })),
      ).toEqual({ status: 412, code: 'REVISION_MISMATCH' });
      expect(
        (await call('POST', '/api/v1/graphs/PUB-01/versions/1/publish', undefined, { 'if-match': '"0"' })).statusCode,
      ).toBe(200);
    });

    it('retires a version once; retiring the draft frees the graph for a new one', async () => {
      const retired = await call('POST', '/api/v1/graphs/TOTE-01/versions/1/retire');
      expect(retired.json()).toMatchObject({ number: 1, status: 'retired' });
      expect(problem(await call('POST', '/api/v1/graphs/TOTE-01/versions/1/retire'))).toEqual({
        status: 409,
        code: 'VERSION_RETIRED',
      });
      expect(graphDetailSchema.parse((await call('GET', '/api/v1/graphs/TOTE-01')).json()).latestPublished).toBe(2);

      await call('POST', '/api/v1/graphs/WALLET-01/versions');
      expect((await call('POST', '/api/v1/graphs/WALLET-01/versions/2/retire')).json().status).toBe('retired');
      expect((await call('POST', '/api/v1/graphs/WALLET-01/versions')).json().number).toBe(3);
    });
  });

  describe('import and export', () => {
    it('exports a version as a routing-graph/v1 download that imports back unchanged as the next draft', async () => {
      const exported = await call('GET', '/api/v1/graphs/BAG-01/versions/1/export');
      expect(exported.headers['content-disposition']).toBe('attachment; filename="BAG-01-v1.json"');
      await call('POST', '/api/v1/graphs/BAG-01/versions/1/publish');
      const imported = await call('POST', '/api/v1/graphs/import', exported.json());
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json()).toMatchObject({
        created: false,
        graph: { code: 'BAG-01', draft: 2 },
        version: { number: 2, status: 'draft' },
      });
      expect((await call('GET', '/api/v1/graphs/BAG-01/versions/2/export')).json()).toEqual(exported.json());
    });

    it('creates the graph when the code is new', async () => {
      const imported = await call('POST', '/api/v1/graphs/import', { ...tote, code: 'TOTE-XL', name: 'Tote XL' });
      expect(imported.json()).toMatchObject({
        created: true,
        graph: { code: 'TOTE-XL', name: 'Tote XL', draft: 1 },
        version: { number: 1 },
      });
      expect((await graphEvents('TOTE-XL')).map((event) => event.type)).toEqual([
        'graph.created',
        'graph_version.drafted',
      ]);
    });

    it('refuses a document that is not routing-graph/v1 with JSON paths, and a second open draft', async () => {
      const response = await call('POST', '/api/v1/graphs/import', {
        ...tote,
        format: 'routing-graph/v2',
        code: 'NEW-99',
      });
      expect(problem(response)).toEqual({ status: 400, code: 'GRAPH_SCHEMA_INVALID' });
      expect(response.json().errors).toEqual([expect.objectContaining({ in: 'body', path: '$.format' })]);
      expect(await t.db.prisma.routingGraph.findUnique({ where: { code: 'NEW-99' } })).toBeNull();
      expect(problem(await call('POST', '/api/v1/graphs/import', { ...tote, code: 'BAG-01' }))).toEqual({
        status: 409,
        code: 'DRAFT_EXISTS',
      });
    });
  });

  describe('access', () => {
    it('lets every role read routings but only designers and admins change them', async () => {
      for (const role of ['operator', 'manager', 'integrator', 'admin'] as const) {
        const { headers } = await loginAs(t.db, role);
        expect({
          role,
          status: (await t.app.inject({ method: 'GET', url: '/api/v1/graphs/TOTE-01/versions/2', headers })).statusCode,
        }).toEqual({ role, status: 200 });
        const create = await t.app.inject({
          method: 'POST',
          url: '/api/v1/graphs',
          headers,
          payload: { code: `BY-${role}`, name: 'x' },
        });
        expect({ role, status: create.statusCode }).toEqual({ role, status: role === 'admin' ? 201 : 403 });
      }
      const operator = (await loginAs(t.db, 'operator')).headers;
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/graphs/CARD-01/versions/1',
        headers: { ...operator, 'if-match': '"1"' },
        payload: cardHolder('CARD-01'),
      });
      expect(put.statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/graphs' })).statusCode).toBe(401);
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/v1/graphs/validate', headers: operator, payload: tote }))
          .statusCode,
      ).toBe(403);
    });
  });
});
