import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoutingGraph } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../env.ts';
import {
  manufacturingOrderDetailSchema,
  pairedDeviceSchema,
  stationWithPairingCodeSchema,
  validationResultSchema,
  workItemPageSchema,
} from '@atelier/contracts';
import { seedDemo } from '../seed/seed-demo.ts';
import { killAllServers, readyUrl, startServer, type ServerProcess } from '../testing/server-process.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database.ts';

/**
 * The server as `pnpm start` runs it — a separate `tsx src/server.ts` process on a fresh embedded
 * database in a temporary DATA_DIR (it migrates and seeds the demo factory itself) — driven over
 * HTTP only, from a routing file to a piece that moved on. The in-process harness once missed
 * what only this first start got wrong (issue B1: every publish answered 500 on PGlite).
 * With DATABASE_URL set, the same walk runs against a scratch PostgreSQL database, migrated and
 * seeded first as `pnpm db:migrate` and `pnpm db:seed` would.
 */

const tote = JSON.parse(readFileSync(join(repoRoot, 'examples/routings/tote-bag.json'), 'utf8')) as RoutingGraph;

/** A signed-in caller: sends its session cookie with every request. */
interface Caller {
  readonly cookie: string;
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

describe(`the real server on ${usingPostgres() ? 'PostgreSQL' : 'a fresh embedded database'}: publish → release → claim → complete`, () => {
  let server: ServerProcess;
  let baseUrl: string;
  let dataDir: string | undefined;
  let scratch: TestDatabase | undefined;

  beforeAll(async () => {
    let env: Record<string, string>;
    if (usingPostgres()) {
      scratch = await createTestDatabase();
      await seedDemo(scratch.db, { now: new Date() });
      env = { DATABASE_URL: scratch.databaseUrl as string, DATABASE_POOL_SIZE: '2' };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'atelier-smoke-'));
      env = { DATA_DIR: dataDir };
    }
    server = startServer({ ...env, LOG_REQUESTS: 'false' });
    baseUrl = await readyUrl(server);
  }, 300_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    killAllServers();
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function call(caller: Caller | null, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = caller ? { cookie: caller.cookie } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text === '' ? null : JSON.parse(text),
    };
  }

  /** Calls and expects `status`, showing the server's answer and its stderr when it differs. */
  async function expectCall(
    status: number,
    caller: Caller | null,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<Answer> {
    const answer = await call(caller, method, path, body);
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}\n${server.stderr()}`).toBe(status);
    return answer;
  }

  async function signIn(
    path: '/auth/login' | '/auth/pin',
    credentials: object,
    stationToken?: string,
  ): Promise<Caller> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(stationToken === undefined ? {} : { 'x-station-token': stationToken }),
    };
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(credentials),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('af_session='));
    expect(cookie).toBeDefined();
    return { cookie: (cookie as string).split(';')[0] as string };
  }

  it('walks a routing file from import to a completed first step, as the demo users would', async () => {
    expect((await expectCall(200, null, 'GET', '/health')).body).toMatchObject({
      status: 'ok',
      database: usingPostgres() ? 'postgresql' : 'pglite',
    });
    const designer = await signIn('/auth/login', { username: 'designer', password: 'atelier-designer' });
    const manager = await signIn('/auth/login', { username: 'manager', password: 'atelier-manager' });

    // The designer checks the routing file against this factory, imports it and publishes it.
    const checked = await expectCall(200, designer, 'POST', '/graphs/validate?context=factory', tote);
    expect(validationResultSchema.parse(checked.body).valid).toBe(true);
    const routing = { ...tote, code: 'SMOKE-TOTE', name: 'Smoke-test tote' };
    const imported = await expectCall(201, designer, 'POST', '/graphs/import', routing);
    expect(imported.body).toMatchObject({ created: true, version: { number: 1, status: 'draft' } });
    const published = await expectCall(200, designer, 'POST', '/graphs/SMOKE-TOTE/versions/1/publish');
    expect(published.body).toMatchObject({ number: 1, status: 'published' });

    // A graph that breaks a rule is refused with the issues, not with a server error.
    const broken = { ...tote, code: 'SMOKE-BROKEN', edges: tote.edges.filter((edge) => edge.kind !== 'pass') };
    await expectCall(201, designer, 'POST', '/graphs/import', broken);
    const refused = await expectCall(422, designer, 'POST', '/graphs/SMOKE-BROKEN/versions/1/publish');
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'GRAPH_INVALID', valid: false });

    // The manager makes one piece on it.
    const created = await expectCall(201, manager, 'POST', '/manufacturing-orders', {
      product: 'Smoke tote',
      client: 'Maison Verel',
      quantity: 1,
      routing: 'SMOKE-TOTE',
    });
    const order = manufacturingOrderDetailSchema.parse(created.body);
    const released = await expectCall(200, manager, 'POST', `/manufacturing-orders/${order.id}/release`);
    expect(released.body).toMatchObject({
      status: 'released',
      routing: { code: 'SMOKE-TOTE', version: 1 },
      progress: { inFlight: 1, notReleased: 0 },
    });

    // The admin registers the cutting tablet; the tablet pairs with the one-time code.
    const admin = await signIn('/auth/login', { username: 'admin', password: 'atelier-admin' });
    const station = await expectCall(201, admin, 'POST', '/stations', {
      name: 'Smoke cutting tablet',
      workCenters: ['CUT'],
    });
    const { pairingCode } = stationWithPairingCodeSchema.parse(station.body);
    const paired = await expectCall(200, null, 'POST', '/stations/pair', { code: pairingCode });
    const { deviceToken } = pairedDeviceSchema.parse(paired.body);

    // Somchai (cutting) signs in at that station with his PIN and cuts it.
    const somchai = await signIn('/auth/pin', { badgeId: 'B-1101', pin: '1101' }, deviceToken);
    const queue = await expectCall(200, somchai, 'GET', '/work-items?node=cut&available=me&limit=100');
    const item = workItemPageSchema.parse(queue.body).items.find((candidate) => candidate.order.code === order.code);
    if (item === undefined)
      throw new Error(`the new piece is not in Somchai's cutting queue: ${JSON.stringify(queue.body)}`);
    const { id } = item;
    expect((await expectCall(200, somchai, 'POST', `/work-items/${id}/claim`)).body).toMatchObject({
      state: 'assigned',
    });
    expect((await expectCall(200, somchai, 'POST', `/work-items/${id}/start`)).body).toMatchObject({
      state: 'in_progress',
    });
    const completed = await expectCall(200, somchai, 'POST', `/work-items/${id}/complete`);
    expect(completed.body).toMatchObject({
      workItem: { state: 'completed' },
      token: { state: 'active', nodeKey: 'skive' },
      next: [{ nodeKey: 'skive' }],
    });

    // The order now shows its piece at skiving.
    const detail = await expectCall(200, manager, 'GET', `/manufacturing-orders/${order.id}`);
    const counts = new Map(
      manufacturingOrderDetailSchema.parse(detail.body).nodes.map((node) => [node.nodeKey, node.active]),
    );
    expect([counts.get('cut'), counts.get('skive')]).toEqual([0, 1]);
  }, 120_000);
});
