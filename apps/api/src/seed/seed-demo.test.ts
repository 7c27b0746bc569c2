import { DEFAULT_PRESETS, parseGraph, validateGraph } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { verifyPassword } from '../auth/password.ts';
import { TEST_NOW } from '../test-app.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { DEMO_OPERATORS, DEMO_STAFF } from './demo-people.ts';
import { isDatabaseEmpty, seedDemo, type SeedDemoResult } from './seed-demo.ts';

/** Row counts of every table the seed writes, to prove a second run changes nothing. */
async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = [
    'users',
    'skills',
    'user_skills',
    'teams',
    'work_centers',
    'shifts',
    'node_presets',
    'routing_graphs',
    'graph_versions',
    'manufacturing_orders',
    'atelier_jobs',
    'tokens',
    'work_items',
    'work_item_operators',
    'time_logs',
    'events',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = row?.n ?? -1;
  }
  return counts;
}

describe('seedDemo', () => {
  let scratch: TestDatabase;
  let db: Database;
  let result: SeedDemoResult;
  beforeAll(async () => {
    scratch = await createTestDatabase();
    db = scratch.db;
    expect(await isDatabaseEmpty(db)).toBe(true);
    result = await seedDemo(db, { now: TEST_NOW });
  }, 60_000);
  afterAll(() => scratch.drop());

  it('reports what it loaded', () => {
    expect(result).toMatchObject({
      seeded: true,
      counts: { users: 15, workCenters: 8, routings: 4, manufacturingOrders: 4, atelierJobs: 3 },
    });
  });

  it('loads the shared vocabulary: work centers with capacity, skills, teams, shifts', async () => {
    const centers = await db.prisma.workCenter.findMany({ orderBy: { code: 'asc' } });
    expect(centers.map((center) => `${center.code}:${center.capacity}`)).toEqual([
      'ASM:3',
      'CUT:3',
      'EDG:2',
      'HRD:2',
      'PCK:2',
      'QCI:2',
      'SKV:2',
      'STI:4',
    ]);
    const skills = await db.prisma.skill.findMany({ orderBy: { code: 'asc' } });
    expect(skills.map((skill) => skill.code)).toEqual([
      'assembly',
      'cutting',
      'edge_painting',
      'hardware',
      'packing',
      'qc_inspection',
      'saddle_stitching',
      'skiving',
      'stitching',
    ]);
    const teams = await db.prisma.team.findMany();
    expect(teams.map((team) => team.name)).toEqual(
      expect.arrayContaining(['Cutting room', 'Stitching line', 'Finishing', 'Atelier']),
    );
    const day = await db.prisma.shift.findUniqueOrThrow({ where: { code: 'DAY-CUT' } });
    expect(day).toMatchObject({ startMinute: 7 * 60, endMinute: 16 * 60, weekdays: [1, 2, 3, 4, 5, 6] });
  });

  it('creates a dozen operators who log in at a station with their documented PIN', async () => {
    const operators = await db.prisma.user.findMany({
      where: { badgeId: { not: null } },
      include: { skills: true, team: true },
    });
    expect(operators).toHaveLength(12);
    for (const demo of DEMO_OPERATORS) {
      const operator = operators.find((user) => user.username === demo.username);
      expect(operator?.badgeId).toBe(demo.badgeId);
      expect(operator?.team).not.toBeNull();
      expect(await verifyPassword(demo.pin, operator?.pinHash ?? '')).toBe(true);
      expect(operator?.skills.length).toBeGreaterThan(0);
      for (const skill of operator?.skills ?? []) expect(skill.level).toBeGreaterThanOrEqual(1);
      for (const skill of operator?.skills ?? []) expect(skill.level).toBeLessThanOrEqual(5);
    }
  });

  it('creates a manager, a designer and an admin who log in with their documented password', async () => {
    for (const demo of DEMO_STAFF) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { username: demo.username } });
      expect(user.roles).toEqual(demo.roles);
      expect(await verifyPassword(demo.password, user.passwordHash ?? '')).toBe(true);
      expect(user.pinHash).toBeNull();
    }
  });

  it('stores the default node presets', async () => {
    const presets = await db.prisma.nodePreset.findMany();
    expect(presets.map((preset) => preset.code).sort()).toEqual(DEFAULT_PRESETS.map((preset) => preset.code).sort());
    expect(presets.every((preset) => preset.builtin)).toBe(true);
  });

  it('publishes the demo routings as version 1, valid against the seeded factory, and keeps a tote draft v2', async () => {
    const versions = await db.prisma.graphVersion.findMany({
      include: { graph: true },
      orderBy: [{ graph: { code: 'asc' } }, { number: 'asc' }],
    });
    expect(versions.map((version) => `${version.graph.code} v${version.number} ${version.status}`)).toEqual([
      'BELT-01 v1 published',
      'EDGE-01 v1 published',
      'TOTE-01 v1 published',
      'TOTE-01 v2 draft',
      'WALLET-01 v1 published',
    ]);
    const operators = await db.prisma.user.findMany({
      where: { badgeId: { not: null } },
      include: { skills: { include: { skill: true } } },
    });
    const context = {
      workCenters: await db.prisma.workCenter.findMany(),
      skills: (await db.prisma.skill.findMany()).map((skill) => skill.code),
      operators: operators.map((user) => ({
        skills: user.skills.map((s) => ({ code: s.skill.code, level: s.level })),
      })),
      presetCodes: DEFAULT_PRESETS.map((preset) => preset.code),
    };
    for (const version of versions.filter((v) => v.status === 'published')) {
      const parsed = parseGraph(version.body);
      expect(parsed.ok, version.graph.code).toBe(true);
      if (!parsed.ok) continue;
      expect(
        validateGraph(parsed.graph, context).filter((issue) => issue.severity === 'error'),
        version.graph.code,
      ).toEqual([]);
    }
  });

  it('creates the demo orders and atelier jobs in their states, the hybrid job linked to its MO', async () => {
    const orders = await db.prisma.manufacturingOrder.findMany({ orderBy: { code: 'asc' } });
    expect(orders.map((order) => [order.code, order.client, order.targetQuantity, order.status])).toEqual([
      ['MO-2026-0009', 'Maison Verel', 12, 'completed'],
      ['MO-2026-0012', 'Maison Verel', 24, 'in_progress'],
      ['MO-2026-0013', 'Hallström & Co.', 40, 'in_progress'],
      ['MO-2026-0014', 'Maison Verel', 30, 'draft'],
    ]);
    const jobs = await db.prisma.atelierJob.findMany({
      orderBy: { code: 'asc' },
      include: { manufacturingOrder: true },
    });
    expect(jobs.map((job) => [job.code, job.quantity, job.status, job.manufacturingOrder?.code ?? null])).toEqual([
      ['AJ-2026-0031', 1, 'in_progress', null],
      ['AJ-2026-0032', 6, 'in_progress', 'MO-2026-0012'],
      ['AJ-2026-0033', 2, 'draft', null],
    ]);
  });

  it('releases one piece per unit of every released order, with serials <order>-<nnn>', async () => {
    const roots = await db.query<{ code: string; serial: string }>(
      `SELECT coalesce(m.code, j.code) AS code, t.serial FROM tokens t
         LEFT JOIN manufacturing_orders m ON m.id = t.mo_id LEFT JOIN atelier_jobs j ON j.id = t.atelier_job_id
        WHERE t.parent_id IS NULL AND t.replaces_id IS NULL ORDER BY t.serial`,
    );
    const perOrder = new Map<string, number>();
    for (const root of roots) {
      expect(root.serial).toMatch(new RegExp(`^${root.code}-\\d{3}$`));
      perOrder.set(root.code, (perOrder.get(root.code) ?? 0) + 1);
    }
    expect(Object.fromEntries(perOrder)).toEqual({
      'AJ-2026-0031': 1,
      'AJ-2026-0032': 6,
      'MO-2026-0009': 12,
      'MO-2026-0012': 24,
      'MO-2026-0013': 40,
    });
  });

  it('keeps the engine invariants: each active token at a work step has exactly one open work item there, cancelled ones none', async () => {
    const broken = await db.query<{ serial: string; state: string; node: string; open: number }>(
      `SELECT t.serial, t.state::text, t.current_node_key AS node,
              count(w.id) FILTER (WHERE w.state IN ('ready', 'assigned', 'in_progress', 'paused'))::int AS open,
              count(w.id) FILTER (WHERE w.state IN ('ready', 'assigned', 'in_progress', 'paused') AND w.node_key <> t.current_node_key)::int AS elsewhere
         FROM tokens t LEFT JOIN work_items w ON w.token_id = t.id
        GROUP BY t.id
       HAVING count(w.id) FILTER (WHERE w.state IN ('ready', 'assigned', 'in_progress', 'paused') AND w.node_key <> t.current_node_key) > 0
           OR (t.state <> 'active' AND count(w.id) FILTER (WHERE w.state IN ('ready', 'assigned', 'in_progress', 'paused')) > 0)
           OR (t.state = 'active' AND count(w.id) FILTER (WHERE w.state IN ('ready', 'assigned', 'in_progress', 'paused')) <> 1)`,
    );
    expect(broken).toEqual([]);
  });

  it('has open work in every state, held by present operators — or waiting in the inbox for a hand-off', async () => {
    const items = await db.prisma.workItem.findMany({
      where: { state: { in: ['ready', 'assigned', 'in_progress', 'paused'] } },
      include: { assignee: true, inboxItems: { where: { status: 'open', kind: 'HANDOFF_APPROVAL' } } },
    });
    expect(new Set(items.map((item) => item.state))).toEqual(new Set(['ready', 'assigned', 'in_progress', 'paused']));
    for (const item of items.filter((i) => i.state !== 'ready')) {
      expect(item.assignee?.present || item.inboxItems.length === 1, item.id).toBe(true);
    }
    expect(items.filter((item) => item.assignee?.present === false).map((item) => item.assignee?.username)).toEqual([
      'lucas.m',
    ]);
    for (const item of items.filter((i) => i.state === 'ready')) expect(item.assigneeId).toBeNull();
    const running = await db.prisma.timeLog.count({ where: { endedAt: null } });
    expect(running).toBe(items.filter((item) => item.state === 'in_progress').length);
  });

  it('has assignment rules, an unassignable item and an absent operator’s hand-off in the inbox', async () => {
    const rules = await db.query<{ policy: string; n: number }>(
      `SELECT policy::text AS policy, count(*)::int AS n FROM assignment_rules GROUP BY policy ORDER BY policy`,
    );
    expect(rules).toEqual([
      { policy: 'auto', n: 2 },
      { policy: 'offer', n: 1 },
      { policy: 'pool', n: 1 },
    ]);
    const inbox = await db.query<{ kind: string; payload: Record<string, unknown> }>(
      `SELECT kind, payload FROM inbox_items WHERE status = 'open' ORDER BY kind`,
    );
    expect(inbox.map((item) => item.kind)).toEqual(['HANDOFF_APPROVAL', 'UNASSIGNABLE']);
    expect(inbox[1]?.payload).toMatchObject({ policy: 'auto', excludedBy: { absent: 1, 'load-cap': 1 } });
    const [offers] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assignment_offers`);
    expect(offers?.n).toBeGreaterThan(0);
  });

  it('has one cancelled piece (QC_FAIL, with a reason) replaced by a new piece at the start of the routing', async () => {
    const cancelled = await db.prisma.token.findMany({
      where: { state: 'cancelled' },
      include: { replacedBy: true, workItems: true },
    });
    expect(cancelled).toHaveLength(1);
    const [piece] = cancelled;
    expect(piece).toMatchObject({ serial: 'MO-2026-0012-011', cancellationType: 'QC_FAIL' });
    expect(piece?.cancellationReason).toMatch(/\w{10,}/);
    expect(piece?.replacedBy).toMatchObject({ serial: 'MO-2026-0012-011-R1', state: 'active', currentNodeKey: 'cut' });
    expect(piece?.workItems.some((item) => item.state === 'cancelled')).toBe(true);
  });

  it('writes an event for what happened, in time order, for every token and work item', async () => {
    const outOfOrder = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM (SELECT at < lag(at) OVER (ORDER BY seq) AS back FROM events) e WHERE back',
    );
    expect(outOfOrder[0]?.n).toBe(0);
    const [missing] = await db.query<{ tokens: number; items: number }>(
      `SELECT (SELECT count(*)::int FROM tokens t WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.token_id = t.id)) AS tokens,
              (SELECT count(*)::int FROM work_items w WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.work_item_id = w.id AND e.type = 'work_item.created')) AS items`,
    );
    expect(missing).toEqual({ tokens: 0, items: 0 });
    const types = (await db.query<{ type: string }>('SELECT DISTINCT type FROM events')).map((row) => row.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'order.released',
        'order.started',
        'token.released',
        'token.split',
        'work_item.completed',
        'token.cancelled',
        'token.replaced',
      ]),
    );
  });

  it('fills the topic columns subscribers filter on, and records who acted by name', async () => {
    const [untagged] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events
        WHERE type IN ('work_item.claimed', 'work_item.started', 'work_item.completed')
          AND (operator_id IS NULL OR work_center_id IS NULL OR node_key IS NULL OR order_id IS NULL)`,
    );
    expect(untagged?.n).toBe(0);
    const actors = (await db.query<{ actor: string }>('SELECT DISTINCT actor FROM events')).map((row) => row.actor);
    expect(actors).toEqual(
      expect.arrayContaining(['Ploy Suwannarat', 'Claire Dubois', 'Somchai Kittisak', 'Wichai Rattanakorn']),
    );
  });

  it('puts every timestamp before `now`', async () => {
    const [latest] = await db.query<{ at: Date }>('SELECT max(at) AS at FROM events');
    expect(new Date(latest?.at ?? 0).getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
  });

  it('changes nothing when run again', async () => {
    const before = await tableCounts(db);
    expect(await seedDemo(db, { now: TEST_NOW })).toEqual({ seeded: false, reason: 'the database already holds data' });
    expect(await tableCounts(db)).toEqual(before);
  });
});

describe('seedDemo on a database that already holds data', () => {
  it('leaves it alone', async () => {
    const scratch = await createTestDatabase();
    try {
      await scratch.db.prisma.workCenter.create({ data: { code: 'LAS', name: 'Laser cutting', capacity: 1 } });
      expect(await isDatabaseEmpty(scratch.db)).toBe(false);
      expect((await seedDemo(scratch.db, { now: TEST_NOW })).seeded).toBe(false);
      expect(await scratch.db.prisma.user.count()).toBe(0);
    } finally {
      await scratch.drop();
    }
  }, 60_000);
});
