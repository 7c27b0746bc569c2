import { randomUUID } from 'node:crypto';
import {
  applyWorkItemCommand,
  completeWorkItem,
  isOpenWorkItemState,
  parseGraph,
  type Effects,
  type QcOutcome,
  type RoutingGraph,
  type WorkItem,
} from '@atelier/domain';
import type { Database } from '../db/database.ts';
import {
  insertPublishedRouting,
  normalEdges,
  publishRoutingVersion,
  type FixtureRoutingJson,
} from '../testing/routing-fixture.ts';
import { loadPieceForUpdate, type LoadedPiece } from './piece-store.ts';
import { persistEffects } from './persist-effects.ts';
import { settleFinishedOrders } from './write-step.ts';

/**
 * Test support: a small routing with every kind of step the piece store must persist, published,
 * and an order on it, independent of the demo data.
 *
 * `start → cut → split → (strap | body) → join → assemble → qc`; qc: pass → pack → end,
 * rework → assemble (max 1 pass), fail → scrap (end). `body` is a two-artisan step (2-3).
 */
export const PRODUCTION_GRAPH_JSON: FixtureRoutingJson = {
  format: 'routing-graph/v1',
  code: 'PROD-01',
  name: 'Production fixture',
  nodes: [
    { key: 'start', type: 'start', name: 'Start' },
    {
      key: 'cut',
      type: 'operation',
      name: 'Cut',
      config: { workCenter: 'PF-CUT', standardMinutes: 12, claimTimeoutMinutes: 10 },
    },
    { key: 'split', type: 'split', name: 'Split' },
    { key: 'strap', type: 'operation', name: 'Strap', config: { workCenter: 'PF-CUT', standardMinutes: 8 } },
    {
      key: 'body',
      type: 'operation',
      name: 'Body',
      config: { workCenter: 'PF-ASM', standardMinutes: 30, minOperators: 2, maxOperators: 3 },
    },
    { key: 'join', type: 'join', name: 'Join' },
    { key: 'assemble', type: 'operation', name: 'Assemble', config: { workCenter: 'PF-ASM', standardMinutes: 20 } },
    { key: 'qc', type: 'qc', name: 'Inspect', config: { workCenter: 'PF-ASM', standardMinutes: 5 } },
    { key: 'pack', type: 'operation', name: 'Pack', config: { workCenter: 'PF-ASM', standardMinutes: 3 } },
    { key: 'end', type: 'end', name: 'Done' },
    { key: 'scrap', type: 'end', name: 'Scrapped' },
  ],
  edges: [
    ...normalEdges('start', 'cut', 'split', 'strap', 'join', 'assemble', 'qc'),
    ...normalEdges('split', 'body', 'join'),
    { from: 'qc', to: 'pack', kind: 'pass' },
    { from: 'qc', to: 'assemble', kind: 'rework', maxPasses: 1 },
    { from: 'qc', to: 'scrap', kind: 'fail' },
    ...normalEdges('pack', 'end'),
  ],
};

/** A second published version: a shorter routing (`start → cut → pack → end`), for REDESIGN. */
export const PRODUCTION_GRAPH_V2_JSON: FixtureRoutingJson = {
  format: 'routing-graph/v1',
  code: 'PROD-01',
  name: 'Production fixture',
  nodes: [
    { key: 'start', type: 'start', name: 'Start' },
    { key: 'cut', type: 'operation', name: 'Cut', config: { workCenter: 'PF-CUT', standardMinutes: 10 } },
    { key: 'pack', type: 'operation', name: 'Pack', config: { workCenter: 'PF-ASM', standardMinutes: 3 } },
    { key: 'end', type: 'end', name: 'Done' },
  ],
  edges: normalEdges('start', 'cut', 'pack', 'end'),
};

/** Parses a fixture routing; throws when it is not one (a broken fixture, not a test outcome). */
export function fixtureGraph(json: unknown): RoutingGraph {
  const parsed = parseGraph(json);
  if (!parsed.ok) throw new Error(`Fixture routing is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.graph;
}

/** What {@link insertProductionFixture} created. */
export interface ProductionFixture {
  readonly graph: RoutingGraph;
  readonly graphId: string;
  readonly graphVersionId: string;
  readonly workCenters: { readonly cut: string; readonly assemble: string };
}

/**
 * Inserts the fixture's work centers and routing (version 1 published), once per database: a
 * second call returns the same rows.
 */
export async function insertProductionFixture(db: Database): Promise<ProductionFixture> {
  const routing = await insertPublishedRouting(db, PRODUCTION_GRAPH_JSON, {
    workCenters: { 'PF-CUT': 'Fixture cutting', 'PF-ASM': 'Fixture assembly' },
  });
  return {
    graph: fixtureGraph(PRODUCTION_GRAPH_JSON),
    graphId: routing.graphId,
    graphVersionId: routing.graphVersionId,
    workCenters: {
      cut: routing.workCenterIds['PF-CUT'] as string,
      assemble: routing.workCenterIds['PF-ASM'] as string,
    },
  };
}

/** Publishes version 2 of the fixture routing (REDESIGN target); returns its id. */
export function publishFixtureV2(db: Database, graphId: string): Promise<string> {
  return publishRoutingVersion(db, graphId, 2, PRODUCTION_GRAPH_V2_JSON);
}

/** A draft manufacturing order on the fixture routing; returns its id. */
export async function insertFixtureOrder(
  db: Database,
  fixture: ProductionFixture,
  code: string,
  quantity: number,
): Promise<string> {
  const order = await db.prisma.manufacturingOrder.create({
    data: {
      code,
      product: 'Fixture tote',
      client: 'Fixture client',
      targetQuantity: quantity,
      graphId: fixture.graphId,
      priority: 3,
    },
    select: { id: true },
  });
  return order.id;
}

/**
 * Test support: an operator claims, starts and (unless `leaveOpen`) completes the open work item
 * at `nodeKey` of a piece, each command through the piece store in its own transaction with its
 * events — what the work-item routes do, without HTTP. `qc` is required at a qc node; `colleagues`
 * join before the start (multi-operator steps).
 */
export async function workThrough(
  db: Database,
  tokenId: string,
  nodeKey: string,
  operatorId: string,
  options: {
    readonly now?: Date;
    readonly qc?: QcOutcome;
    readonly leaveOpen?: boolean;
    readonly colleagues?: readonly string[];
  } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const step = async (compute: (loaded: LoadedPiece, item: WorkItem) => Effects) => {
    const written = await db.transaction(async (tx) => {
      const loaded = await loadPieceForUpdate(tx, tokenId);
      const item = loaded.piece.workItems.find(
        (candidate) => candidate.nodeKey === nodeKey && isOpenWorkItemState(candidate.state),
      );
      if (item === undefined) throw new Error(`No open work item at ${nodeKey}`);
      const context = { actor: 'user:fixture', now, pieces: [loaded] };
      const effects = compute(loaded, item);
      if (!(await persistEffects(tx, effects, context)).written) throw new Error('A locked piece changed');
      return { effects, context };
    });
    await settleFinishedOrders(db, written.effects, written.context);
  };
  const commands = [
    { type: 'claim' as const, operatorId },
    ...(options.colleagues ?? []).map((colleague) => ({ type: 'join' as const, operatorId: colleague })),
    { type: 'start' as const, operatorId },
  ];
  for (const { type, operatorId: actor } of commands) {
    await step((_loaded, item) => {
      const decision = applyWorkItemCommand(item, { type, operatorId: actor, now });
      if (!decision.ok) throw new Error(`${type} refused: ${decision.code}`);
      return {
        tokens: { insert: [], update: [] },
        workItems: { insert: [], update: [decision.next] },
        events: decision.events,
        inbox: [],
        orders: [],
      };
    });
  }
  if (options.leaveOpen) return;
  await step((loaded, item) => {
    const result = completeWorkItem(loaded.graph, loaded.piece, {
      workItemId: item.id,
      operatorId,
      now,
      newId: randomUUID,
      ...(options.qc && { qc: options.qc }),
    });
    if (!result.ok) throw new Error(`complete refused: ${result.code}`);
    return result.effects;
  });
}
