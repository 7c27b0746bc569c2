import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { buildTestApp } from '../../../test-app.ts';
import { loginAs } from '../../../testing/auth-for-tests.ts';
import { useHookedResource } from '../../../testing/use-hooked-resource.ts';
import { insertPublishedRouting, normalEdges, type FixtureRoutingJson } from '../../../testing/routing-fixture.ts';
import type { NodeCount, OrderProgress } from '@atelier/contracts';

/**
 * A small, hand-built order for read-model tests, independent of the demo data: seven pieces on a
 * routing `start → cut → split → (a | b) → join → qc`, qc pass → `end`, fail → `scrap` (an end), in
 * every situation progress must count.
 */
export const FIXTURE_GRAPH: FixtureRoutingJson = {
  format: 'routing-graph/v1',
  code: 'FIX-01',
  name: 'Fixture routing',
  nodes: [
    { key: 'start', type: 'start', name: 'Start' },
    { key: 'cut', type: 'operation', name: 'Cut', config: { workCenter: 'CUT', standardMinutes: 5 } },
    { key: 'split', type: 'split', name: 'Split' },
    { key: 'a', type: 'operation', name: 'Branch A', config: { workCenter: 'CUT', standardMinutes: 5 } },
    { key: 'b', type: 'operation', name: 'Branch B', config: { workCenter: 'CUT', standardMinutes: 5 } },
    { key: 'join', type: 'join', name: 'Join' },
    { key: 'qc', type: 'qc', name: 'Inspect' },
    { key: 'end', type: 'end', name: 'End' },
    { key: 'scrap', type: 'end', name: 'Scrapped' },
  ],
  edges: [
    ...normalEdges('start', 'cut', 'split', 'a', 'join', 'qc'),
    ...normalEdges('split', 'b', 'join'),
    { from: 'qc', to: 'end', kind: 'pass' },
    { from: 'qc', to: 'scrap', kind: 'fail' },
  ],
};

/**
 * Inserts the fixture for an MO (`kind: 'manufacturingOrder'`) or an atelier job, target quantity
 * 5: one completed piece, one at `cut` (item ready), one split piece waiting at the join with one
 * component working at `a` and the other arrived at the join, one scrapped piece (`QC_FAIL`) whose
 * replacement is at `cut` (item assigned), one that failed inspection and went to the scrap end
 * (no replacement), and one cancelled `PERMANENT` (the quantity was 6). Returns the order's id.
 */
export async function insertOrderFixture(
  db: Database,
  kind: 'manufacturingOrder' | 'atelierJob',
  code: string,
): Promise<string> {
  const { graphId, graphVersionId } = await insertPublishedRouting(db, FIXTURE_GRAPH);
  const order = { code, product: 'Fixture product', status: 'released' as const, graphId, graphVersionId };
  const orderId =
    kind === 'manufacturingOrder'
      ? (await db.prisma.manufacturingOrder.create({ data: { ...order, client: 'Fixture client', targetQuantity: 5 } }))
          .id
      : (await db.prisma.atelierJob.create({ data: { ...order, customer: 'Fixture customer', quantity: 5 } })).id;
  const link = kind === 'manufacturingOrder' ? { moId: orderId } : { atelierJobId: orderId };
  const token = (serial: string, state: 'active' | 'waiting' | 'completed' | 'cancelled', node: string, extra = {}) =>
    db.prisma.token.create({
      data: { serial: `${code}-${serial}`, ...link, graphVersionId, state, currentNodeKey: node, ...extra },
    });

  await token('001', 'completed', 'end');
  const atCut = await token('002', 'active', 'cut');
  const split = await token('003', 'waiting', 'join');
  const working = await token('003.1', 'active', 'a', { parentId: split.id });
  await token('003.2', 'waiting', 'join', { parentId: split.id });
  const cancelled = await token('004', 'cancelled', 'cut', {
    cancellationType: 'QC_FAIL',
    cancellationReason: 'scarred',
  });
  const replacement = await token('004-R1', 'active', 'cut', { replacesId: cancelled.id });
  await token('005', 'completed', 'scrap');
  await token('006', 'cancelled', 'cut', {
    cancellationType: 'PERMANENT',
    cancellationReason: 'client reduced the order',
  });
  await db.prisma.workItem.createMany({
    data: [
      { tokenId: atCut.id, nodeKey: 'cut', state: 'ready' },
      { tokenId: working.id, nodeKey: 'a', state: 'in_progress' },
      { tokenId: replacement.id, nodeKey: 'cut', state: 'assigned' },
      { tokenId: cancelled.id, nodeKey: 'cut', state: 'cancelled' },
      { tokenId: split.id, nodeKey: 'cut', state: 'completed' },
    ],
  });
  return orderId;
}

/**
 * What the fixture's progress must be: 1 completed + 3 in flight (one a replacement) + 1 not
 * released (the piece scrapped at the scrap end was not replaced) = the quantity, 5.
 */
export const FIXTURE_PROGRESS = {
  completed: 1,
  inFlight: 3,
  notReleased: 1,
  scrapped: 2,
  cancelled: 1,
  replacements: 1,
};

/** The fixture's counts per node, in routing order (zero for nodes with nothing). */
export function fixtureNodeCounts() {
  const zero = { ready: 0, assigned: 0, inProgress: 0, paused: 0 };
  const none = { active: 0, waiting: 0 };
  type Counts = Partial<Pick<NodeCount, 'pieces' | 'components' | 'workItems'>> & {
    ended?: Partial<NodeCount['ended']>;
  };
  const node = (nodeKey: string, name: string, type: string, counts: Counts = {}) => {
    const { pieces = none, components = none, ended = {}, workItems = zero } = counts;
    return {
      nodeKey,
      name,
      type,
      active: pieces.active + components.active,
      waiting: pieces.waiting + components.waiting,
      pieces,
      components,
      ended: { completed: 0, scrapped: 0, cancelled: 0, ...ended },
      workItems,
    };
  };
  return [
    node('start', 'Start', 'start'),
    node('cut', 'Cut', 'operation', {
      pieces: { active: 2, waiting: 0 },
      ended: { scrapped: 1, cancelled: 1 },
      workItems: { ...zero, ready: 1, assigned: 1 },
    }),
    node('split', 'Split', 'split'),
    node('a', 'Branch A', 'operation', {
      components: { active: 1, waiting: 0 },
      workItems: { ...zero, inProgress: 1 },
    }),
    node('b', 'Branch B', 'operation'),
    node('join', 'Join', 'join', { pieces: { active: 0, waiting: 1 }, components: { active: 0, waiting: 1 } }),
    node('qc', 'Inspect', 'qc'),
    node('end', 'End', 'end', { ended: { completed: 1 } }),
    node('scrap', 'Scrapped', 'end', { ended: { scrapped: 1 } }),
  ];
}

/**
 * Asserts that an order's numbers add up: completed + in flight + not released is its quantity,
 * the pieces at its nodes are its pieces in flight, and the pieces that ended at its nodes are its
 * completed, scrapped and cancelled pieces.
 */
export function expectCountsAddUp(order: {
  quantity: number;
  progress: OrderProgress;
  nodes: readonly NodeCount[];
}): void {
  const { progress, nodes } = order;
  const sum = (pick: (node: NodeCount) => number) => nodes.reduce((total, node) => total + pick(node), 0);
  expect(progress.completed + progress.inFlight + progress.notReleased).toBe(order.quantity);
  expect(sum((node) => node.pieces.active + node.pieces.waiting)).toBe(progress.inFlight);
  expect({
    completed: sum((node) => node.ended.completed),
    scrapped: sum((node) => node.ended.scrapped),
    cancelled: sum((node) => node.ended.cancelled),
  }).toEqual({
    completed: progress.completed,
    scrapped: progress.scrapped,
    cancelled: progress.cancelled,
  });
}

/** The seeded app with the order fixture inserted, as {@link useOrderFixtureApp} gives it. */
export interface OrderFixtureApp {
  /** The app's database. */
  readonly db: Database;
  /** The fixture order's id. */
  readonly fixtureId: string;
  /** GET as a signed-in operator. */
  get(url: string): Promise<LightMyRequestResponse>;
}

/**
 * Registers the test file's hooks: a seeded app, an operator signed in and the order fixture
 * inserted as `code` before the tests; the app closed after them.
 */
export function useOrderFixtureApp(kind: 'manufacturingOrder' | 'atelierJob', code: string): OrderFixtureApp {
  const current = useHookedResource(
    async () => {
      const t = await buildTestApp({ seed: true });
      const { headers } = await loginAs(t.db, 'operator');
      return { t, headers, fixtureId: await insertOrderFixture(t.db, kind, code) };
    },
    ({ t }) => t.close(),
    60_000,
  );
  return {
    get db() {
      return current().t.db;
    },
    get fixtureId() {
      return current().fixtureId;
    },
    get: (url) => current().t.app.inject({ method: 'GET', url, headers: current().headers }),
  };
}
