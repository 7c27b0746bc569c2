import { randomUUID } from 'node:crypto';
import {
  applyWorkItemCommand,
  cancelTokens,
  completeWorkItem,
  InMemoryPiece,
  isOpenWorkItemState,
  releasePiece,
  workedMilliseconds,
  type Effects,
  type PieceSnapshot,
  type QcOutcome,
  type WorkItem,
  type WorkItemCommand,
} from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { persistEffects, type PersistContext } from './persist-effects.ts';
import { loadWorkItem } from '../work-items/load-work-item.ts';
import { saveWorkItemTransition } from '../work-items/save-work-item-transition.ts';
import { loadPieceForUpdate, loadPieces, loadPiecesForUpdate, type LoadedPiece, type OrderRef } from './piece-store.ts';
import {
  fixtureGraph,
  insertFixtureOrder,
  insertProductionFixture,
  PRODUCTION_GRAPH_V2_JSON,
  publishFixtureV2,
  type ProductionFixture,
} from './production-fixture.ts';
import { settleOrders } from './settle-orders.ts';
import { settleFinishedOrders, writeStep } from './write-step.ts';

const T0 = new Date('2026-11-24T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function noEffects(): Effects {
  return {
    tokens: { insert: [], update: [] },
    workItems: { insert: [], update: [] },
    events: [],
    inbox: [],
    orders: [],
  };
}

/** Open work items with their time logs as worked minutes per operator: how the domain uses them. */
function comparable(piece: PieceSnapshot, now: Date) {
  const items = piece.workItems
    .filter((item) => isOpenWorkItemState(item.state))
    .map(({ timeLogs, ...item }) => ({
      ...item,
      worked: Object.fromEntries(
        [...new Set(timeLogs.map((entry) => entry.operatorId))].map((id) => [
          id,
          workedMilliseconds(timeLogs, id, now),
        ]),
      ),
    }));
  return {
    tokens: [...piece.tokens].sort((a, b) => a.id.localeCompare(b.id)),
    workItems: items.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe('piece store', () => {
  let t: TestDatabase;
  let fixture: ProductionFixture;
  let orderId: string;
  let ana: string;
  let bo: string;
  let cy: string;
  let serials = 0;

  beforeAll(async () => {
    t = await createTestDatabase();
    fixture = await insertProductionFixture(t.db);
    orderId = await insertFixtureOrder(t.db, fixture, 'MO-2026-0900', 10);
    const user = (username: string) =>
      t.db.prisma.user.create({ data: { username, displayName: username, roles: ['operator'] }, select: { id: true } });
    ana = (await user('ana')).id;
    bo = (await user('bo')).id;
    cy = (await user('cy')).id;
  }, 60_000);
  afterAll(() => t.drop());

  const order = () => ({
    id: orderId,
    kind: 'manufacturingOrder' as const,
    code: 'MO-2026-0900',
    priority: 3,
    status: 'draft' as const,
  });
  const inTx = <T>(work: (tx: SqlRunner) => Promise<T>) => t.db.transaction(work);

  /** The event rows written after `seq`, in order. */
  const eventsAfter = async (seq: bigint) =>
    (await t.db.prisma.event.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: 'asc' } })).map(
      ({ seq: _seq, ...event }) => event,
    );
  const lastSeq = async () => (await t.db.prisma.event.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;

  /** Releases one piece through the store; returns its root token id and the events. */
  async function release(
    now = T0,
    into: OrderRef = order(),
  ): Promise<{ root: string; events: Awaited<ReturnType<typeof eventsAfter>>; piece: InMemoryPiece }> {
    const ids: string[] = [];
    const newId = () => ids[ids.push(randomUUID()) - 1] as string;
    const input = {
      tokenId: randomUUID(),
      serial: `${into.code}-${String(++serials).padStart(3, '0')}`,
      orderId: into.id,
      attributes: { colour: 'Cognac' },
      now,
      newId,
    };
    const effects = releasePiece(fixture.graph, input);
    const before = await lastSeq();
    await inTx((tx) =>
      persistEffects(tx, effects, {
        actor: 'user:test',
        now,
        pieces: [],
        placeNewPiece: () => ({ order: into, version: fixture }),
      }),
    );
    const events = await eventsAfter(before);
    // The same release in memory, replaying the ids the stored one used.
    const replay = [...ids];
    const piece = new InMemoryPiece(fixture.graph, { ...input, newId: () => replay.shift() as string });
    return { root: input.tokenId, events, piece };
  }

  /** Runs one domain step on the stored piece, persists it, and mirrors it on the in-memory piece. */
  async function step(
    root: string,
    mirror: InMemoryPiece,
    compute: (loaded: LoadedPiece) => Effects,
    now: Date,
    extra: Partial<PersistContext> = {},
  ) {
    const before = await lastSeq();
    const { effects, context } = await inTx(async (tx) => {
      const loaded = await loadPieceForUpdate(tx, root);
      const computed = compute(loaded);
      const persistContext = { actor: 'user:test', now, pieces: [loaded], ...extra };
      expect((await persistEffects(tx, computed, persistContext)).written).toBe(true);
      return { effects: computed, context: persistContext };
    });
    await settleFinishedOrders(t.db, effects, context);
    mirror.persist(effects);
    return { effects, events: await eventsAfter(before) };
  }

  function command(itemAt: (loaded: LoadedPiece) => WorkItem, make: (now: Date) => WorkItemCommand, now: Date) {
    return (loaded: LoadedPiece): Effects => {
      const decision = applyWorkItemCommand(itemAt(loaded), make(now));
      if (!decision.ok) throw new Error(decision.code);
      return { ...noEffects(), workItems: { insert: [], update: [decision.next] }, events: decision.events };
    };
  }

  /**
   * A work-item command given as the API gives it: the item read by `loadWorkItem`, decided by the
   * domain and written by the production writer (`saveWorkItemTransition`), mirrored in memory.
   */
  async function giveCommand(
    root: string,
    mirror: InMemoryPiece,
    itemAt: (loaded: LoadedPiece) => WorkItem,
    make: (now: Date) => WorkItemCommand,
    now: Date,
  ) {
    const loadedItem = await loadWorkItem(t.db, itemAt(await loaded(root)).id, null);
    const given = make(now);
    const decision = applyWorkItemCommand(loadedItem.item, given);
    if (!decision.ok) throw new Error(decision.code);
    const saved = await saveWorkItemTransition(t.db, {
      loaded: loadedItem,
      next: decision.next,
      events: decision.events,
      guard: given.type === 'claim' ? { kind: 'ready' } : { kind: 'version' },
      actor: 'user:test',
      now,
      idempotencyKey: null,
    });
    expect(saved?.version).toBe(loadedItem.version + 1);
    mirror.persist({ ...noEffects(), workItems: { insert: [], update: [decision.next] }, events: decision.events });
  }

  function complete(itemAt: (loaded: LoadedPiece) => WorkItem, operatorId: string, now: Date, qc?: QcOutcome) {
    return (loaded: LoadedPiece): Effects => {
      const result = completeWorkItem(loaded.graph, loaded.piece, {
        workItemId: itemAt(loaded).id,
        operatorId,
        now,
        newId: randomUUID,
        ...(qc && { qc }),
      });
      if (!result.ok) throw new Error(result.code);
      return result.effects;
    };
  }

  const openAt = (nodeKey: string) => (loaded: LoadedPiece) => {
    const item = loaded.piece.workItems.find(
      (candidate) => candidate.nodeKey === nodeKey && isOpenWorkItemState(candidate.state),
    );
    if (item === undefined) throw new Error(`No open item at ${nodeKey}`);
    return item;
  };

  async function loaded(root: string): Promise<LoadedPiece> {
    return inTx((tx) => loadPieceForUpdate(tx, root));
  }

  it('releases a piece: token, first work item and events carrying order, node and work center', async () => {
    const { root, events } = await release();
    const token = await t.db.prisma.token.findUniqueOrThrow({ where: { id: root } });
    expect(token).toMatchObject({
      moId: orderId,
      graphVersionId: fixture.graphVersionId,
      state: 'active',
      currentNodeKey: 'cut',
      parentId: null,
    });
    const items = await t.db.prisma.workItem.findMany({ where: { tokenId: root } });
    expect(items).toMatchObject([
      {
        nodeKey: 'cut',
        visit: 1,
        state: 'ready',
        workCenterId: fixture.workCenters.cut,
        standardMinutes: 12,
        priority: 3,
        assigneeId: null,
      },
    ]);
    expect(events.map((event) => event.type)).toEqual(['token.released', 'token.moved', 'work_item.created']);
    expect(
      events.every((event) => event.orderId === orderId && event.tokenId === root && event.actor === 'user:test'),
    ).toBe(true);
    expect(events.at(-1)).toMatchObject({
      nodeKey: 'cut',
      workCenterId: fixture.workCenters.cut,
      workItemId: items[0]?.id,
      at: T0,
    });
  });

  it('reads back exactly the piece the domain computed, step after step, through split, join, rework and completion', async () => {
    const { root, piece } = await release();
    const expectSame = async (now: Date) =>
      expect(comparable((await loaded(root)).piece, now)).toEqual(comparable(piece.snapshot, now));
    await expectSame(T0);

    let minute = 0;
    const next = () => at(++minute);
    const run = async (compute: (loaded: LoadedPiece) => Effects, now: Date) => {
      await step(root, piece, compute, now);
      await expectSame(now);
    };
    // Work-item commands through the production writer; completions route the piece (writeStep's persistEffects).
    const give = async (itemAt: (loaded: LoadedPiece) => WorkItem, make: (now: Date) => WorkItemCommand) => {
      const now = next();
      await giveCommand(root, piece, itemAt, make, now);
      await expectSame(now);
    };
    await give(openAt('cut'), (now) => ({ type: 'claim', operatorId: ana, now }));
    await give(openAt('cut'), (now) => ({ type: 'start', operatorId: ana, now }));
    await give(openAt('cut'), (now) => ({ type: 'pause', operatorId: ana, now }));
    await give(openAt('cut'), (now) => ({ type: 'resume', operatorId: ana, now }));
    await run(complete(openAt('cut'), ana, next()), at(minute));

    // The split made two components; the two-artisan body step needs a colleague before the start.
    await give(openAt('body'), (now) => ({ type: 'claim', operatorId: ana, now }));
    await give(openAt('body'), (now) => ({ type: 'join', operatorId: bo, now }));
    await give(openAt('body'), (now) => ({ type: 'start', operatorId: ana, now }));
    await give(openAt('body'), (now) => ({ type: 'handoff', operatorId: ana, toOperatorId: cy, now }));
    await run(complete(openAt('body'), bo, next()), at(minute));
    for (const type of ['claim', 'start'] as const)
      await give(openAt('strap'), (now) => ({ type, operatorId: bo, now }));
    await run(complete(openAt('strap'), bo, next()), at(minute));

    for (const qc of [
      { result: 'rework', reasonCodes: ['LOOSE_RIVET'] },
      { result: 'pass', reasonCodes: [] },
    ] as const) {
      for (const type of ['claim', 'start'] as const)
        await give(openAt('assemble'), (now) => ({ type, operatorId: ana, now }));
      await run(complete(openAt('assemble'), ana, next()), at(minute));
      for (const type of ['claim', 'start'] as const)
        await give(openAt('qc'), (now) => ({ type, operatorId: bo, now }));
      await run(
        complete(openAt('qc'), bo, next(), { result: qc.result, reasonCodes: [...qc.reasonCodes] }),
        at(minute),
      );
    }
    for (const type of ['claim', 'start'] as const)
      await give(openAt('pack'), (now) => ({ type, operatorId: ana, now }));
    await run(complete(openAt('pack'), ana, next()), at(minute));

    const tokens = await t.db.prisma.token.findMany({
      where: { OR: [{ id: root }, { parentId: root }] },
      orderBy: { serial: 'asc' },
    });
    expect(tokens.map((token) => [token.serial.slice(-5), token.state, token.currentNodeKey])).toEqual([
      [piece.token(root).serial.slice(-5), 'completed', 'end'],
      [`${piece.token(root).serial.slice(-3)}.1`, 'completed', 'join'],
      [`${piece.token(root).serial.slice(-3)}.2`, 'completed', 'join'],
    ]);
    expect(tokens[0]?.completedAt).toEqual(at(minute));
    const items = await t.db.prisma.workItem.findMany({ where: { tokenId: root }, orderBy: { createdAt: 'asc' } });
    expect(items.map((item) => [item.nodeKey, item.visit, item.state, item.qcResult])).toEqual([
      ['cut', 1, 'completed', null],
      ['assemble', 1, 'completed', null],
      ['qc', 1, 'completed', 'rework'],
      ['assemble', 2, 'completed', null],
      ['qc', 2, 'completed', 'pass'],
      ['pack', 1, 'completed', null],
    ]);
    const cut = items[0];
    const logs = await t.db.prisma.timeLog.findMany({ where: { workItemId: cut?.id }, orderBy: { startedAt: 'asc' } });
    expect(logs.map((log) => [log.startedAt, log.endedAt, log.endReason])).toEqual([
      [at(2), at(3), 'paused'],
      [at(4), at(5), 'completed'],
    ]);
    const operators = await t.db.prisma.workItemOperator.findMany({
      where: { workItem: { token: { parentId: root } } },
    });
    expect(operators.length).toBeGreaterThanOrEqual(3);
    expect(operators.every((operator) => operator.leftAt !== null)).toBe(true);
  });

  it('cancels a whole piece from one of its components, closing its work, time and inbox, and replaces it (QC_FAIL)', async () => {
    const { root, piece } = await release();
    for (const [type, minute] of [
      ['claim', 1],
      ['start', 2],
    ] as const) {
      await step(
        root,
        piece,
        command(openAt('cut'), (now) => ({ type, operatorId: ana, now }), at(minute)),
        at(minute),
      );
    }
    await step(root, piece, complete(openAt('cut'), ana, at(3)), at(3));
    for (const [type, operatorId, minute] of [
      ['claim', bo, 4],
      ['start', bo, 5],
    ] as const) {
      await step(
        root,
        piece,
        command(openAt('strap'), (now) => ({ type, operatorId, now }), at(minute)),
        at(minute),
      );
    }
    const child = piece.snapshot.tokens.find((token) => token.parentId === root);
    await t.db.prisma.inboxItem.create({ data: { kind: 'QC_FAILED', tokenId: root, moId: orderId } });

    const { effects, events } = await step(
      child?.id ?? '',
      piece,
      (stored) => {
        const result = cancelTokens({
          tokenIds: [child?.id ?? ''],
          type: 'QC_FAIL',
          reason: 'Torn strap',
          pieces: [{ ...stored.piece, graph: stored.graph }],
          now: at(6),
          newId: randomUUID,
        });
        if (!result.ok) throw new Error(result.code);
        return result.effects;
      },
      at(6),
      { placeNewPiece: () => ({ order: order(), version: fixture }) },
    );

    const tokens = await t.db.prisma.token.findMany({ where: { OR: [{ id: root }, { parentId: root }] } });
    expect(
      tokens.map((token) => [token.state, token.cancellationType, token.cancellationReason, token.cancelledAt]),
    ).toEqual(tokens.map(() => ['cancelled', 'QC_FAIL', 'Torn strap', at(6)]));
    expect(
      await t.db.prisma.workItem.count({
        where: { token: { OR: [{ id: root }, { parentId: root }] }, state: { notIn: ['completed', 'cancelled'] } },
      }),
    ).toBe(0);
    const strapLog = await t.db.prisma.timeLog.findFirstOrThrow({
      where: { workItem: { nodeKey: 'strap', tokenId: child?.id ?? '' } },
    });
    expect([strapLog.endedAt, strapLog.endReason]).toEqual([at(6), 'cancelled']);
    expect(
      await t.db.prisma.inboxItem.findMany({ where: { tokenId: root }, select: { status: true, resolvedAt: true } }),
    ).toEqual([{ status: 'resolved', resolvedAt: at(6) }]);

    const replacement = await t.db.prisma.token.findUniqueOrThrow({
      where: { replacesId: root },
      include: { workItems: true },
    });
    expect(replacement).toMatchObject({
      serial: `${piece.token(root).serial}-R1`,
      state: 'active',
      currentNodeKey: 'cut',
      graphVersionId: fixture.graphVersionId,
      moId: orderId,
    });
    expect(replacement.workItems).toMatchObject([{ nodeKey: 'cut', state: 'ready', visit: 1 }]);
    expect(effects.orders).toEqual([]);
    expect(
      events
        .filter((event) => event.type === 'token.cancelled')
        .map((event) => event.tokenId)
        .sort(),
    ).toEqual(tokens.map((token) => token.id).sort());
    expect((await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id: orderId } })).targetQuantity).toBe(
      10,
    );
  });

  it('lowers the order target for PERMANENT and pins a REDESIGN replacement to the new version', async () => {
    const v2 = {
      graphVersionId: await publishFixtureV2(t.db, fixture.graphId),
      graph: fixtureGraph(PRODUCTION_GRAPH_V2_JSON),
    };
    const permanent = await release();
    const redesigned = await release();
    const cancel = (root: string, mirror: InMemoryPiece, type: 'PERMANENT' | 'REDESIGN') =>
      step(
        root,
        mirror,
        (stored) => {
          const result = cancelTokens({
            tokenIds: [root],
            type,
            reason: 'Client change',
            pieces: [{ ...stored.piece, graph: stored.graph, redesignGraph: v2.graph }],
            now: at(9),
            newId: randomUUID,
          });
          if (!result.ok) throw new Error(result.code);
          return result.effects;
        },
        at(9),
        { placeNewPiece: () => ({ order: order(), version: v2 }) },
      );
    const before = (await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id: orderId } })).targetQuantity;
    await cancel(permanent.root, permanent.piece, 'PERMANENT');
    expect((await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id: orderId } })).targetQuantity).toBe(
      before - 1,
    );
    expect(await t.db.prisma.token.findUnique({ where: { replacesId: permanent.root } })).toBeNull();

    await cancel(redesigned.root, redesigned.piece, 'REDESIGN');
    const replacement = await t.db.prisma.token.findUniqueOrThrow({
      where: { replacesId: redesigned.root },
      include: { workItems: true },
    });
    expect(replacement.graphVersionId).toBe(v2.graphVersionId);
    expect(replacement.workItems).toMatchObject([
      { nodeKey: 'cut', standardMinutes: 10, workCenterId: fixture.workCenters.cut },
    ]);
    expect((await loaded(replacement.id)).graphVersionId).toBe(v2.graphVersionId);
    expect((await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id: orderId } })).targetQuantity).toBe(
      before - 1,
    );
  });

  it('loads each piece once, from any of its tokens, sorted by root; unknown tokens are absent or a 404', async () => {
    const first = await release();
    const second = await release();
    for (const [type, minute] of [
      ['claim', 1],
      ['start', 2],
    ] as const) {
      await step(
        first.root,
        first.piece,
        command(openAt('cut'), (now) => ({ type, operatorId: ana, now }), at(minute)),
        at(minute),
      );
    }
    await step(first.root, first.piece, complete(openAt('cut'), ana, at(3)), at(3));
    const children = first.piece.snapshot.tokens
      .filter((token) => token.parentId === first.root)
      .map((token) => token.id);
    const ghost = randomUUID();
    const { pieces, rootOf } = await inTx((tx) =>
      loadPiecesForUpdate(tx, [...children, second.root, ghost, first.root]),
    );
    expect(pieces.map((piece) => piece.rootTokenId)).toEqual([first.root, second.root].sort());
    expect(pieces.find((piece) => piece.rootTokenId === first.root)?.piece.tokens).toHaveLength(3);
    expect(rootOf.get(children[0] ?? '')).toBe(first.root);
    expect(rootOf.has(ghost)).toBe(false);
    expect(pieces[0]?.order).toEqual(order());
    await expect(inTx((tx) => loadPieceForUpdate(tx, ghost))).rejects.toMatchObject({
      constructor: HttpProblem,
      status: 404,
      code: 'TOKEN_NOT_FOUND',
    });
  });

  /** A piece as a command reads it, without a lock. */
  const read = async (root: string): Promise<LoadedPiece> => {
    const [piece] = (await loadPieces(t.db, { tokenIds: [root] })).pieces;
    if (piece === undefined) throw new Error(`No piece ${root}`);
    return piece;
  };

  const cancelled = (stored: LoadedPiece, type: 'PERMANENT' | 'QC_FAIL', now: Date): Effects => {
    const result = cancelTokens({
      tokenIds: [stored.rootTokenId],
      type,
      reason: 'Client change',
      pieces: [{ ...stored.piece, graph: stored.graph }],
      now,
      newId: randomUUID,
    });
    if (!result.ok) throw new Error(result.code);
    return result.effects;
  };

  it('writes nothing from a read the piece has moved on from: a colleague claimed first', async () => {
    const { root, piece } = await release();
    const stale = await read(root);
    await step(
      root,
      piece,
      command(openAt('cut'), (now) => ({ type: 'claim', operatorId: ana, now }), at(1)),
      at(1),
    );
    expect((await read(root)).pieceVersion).toBe(stale.pieceVersion + 1);

    const before = await lastSeq();
    const late = command(openAt('cut'), (now) => ({ type: 'claim', operatorId: bo, now }), at(2))(stale);
    expect(await writeStep(t.db, late, { actor: 'user:test', now: at(2), pieces: [stale] })).toEqual({
      written: false,
    });
    expect(await eventsAfter(before)).toEqual([]);
    const [cut] = (await read(root)).piece.workItems;
    expect([cut?.state, cut?.operators]).toEqual(['assigned', [ana]]);
  });

  it('refuses a cancellation read before a work-item command (claim, start …) changed the piece', async () => {
    const { root } = await release();
    const stale = await read(root);
    const item = stale.piece.workItems[0] as WorkItem;
    const loadedItem = await loadWorkItem(t.db, item.id, ana);
    const decision = applyWorkItemCommand(loadedItem.item, { type: 'claim', operatorId: ana, now: at(1) });
    if (!decision.ok) throw new Error(decision.code);
    const saved = await saveWorkItemTransition(t.db, {
      loaded: loadedItem,
      next: decision.next,
      events: decision.events,
      guard: { kind: 'ready' },
      actor: 'user:test',
      now: at(1),
      idempotencyKey: null,
    });
    expect(saved?.version).toBe(1);

    const placeNewPiece = () => ({ order: order(), version: fixture });
    expect(
      (
        await writeStep(t.db, cancelled(stale, 'QC_FAIL', at(2)), {
          actor: 'user:test',
          now: at(2),
          pieces: [stale],
          placeNewPiece,
        })
      ).written,
    ).toBe(false);
    expect((await t.db.prisma.token.findUniqueOrThrow({ where: { id: root } })).state).toBe('active');
    // Read again, the same cancellation goes through and closes the claimed item.
    const fresh = await read(root);
    const outcome = await writeStep(t.db, cancelled(fresh, 'QC_FAIL', at(3)), {
      actor: 'user:test',
      now: at(3),
      pieces: [fresh],
      placeNewPiece,
    });
    expect(outcome.written).toBe(true);
    expect((await t.db.prisma.workItem.findUniqueOrThrow({ where: { id: item.id } })).state).toBe('cancelled');
  });

  it('closes an order exactly once when its last two pieces finish at the same moment', async () => {
    const code = 'MO-2026-0901';
    const id = await insertFixtureOrder(t.db, fixture, code, 2);
    await t.db.query(`UPDATE manufacturing_orders SET status = 'released' WHERE id = $1::uuid`, [id]);
    const two: OrderRef = { id, kind: 'manufacturingOrder', code, priority: 3, status: 'released' };
    const pieces = [await release(T0, two), await release(T0, two)];
    const stale = await Promise.all(pieces.map(({ root }) => read(root)));
    const before = await lastSeq();

    const outcomes = await Promise.all(
      stale.map((loaded) =>
        writeStep(t.db, cancelled(loaded, 'PERMANENT', at(5)), { actor: 'user:test', now: at(5), pieces: [loaded] }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.written)).toEqual([true, true]);
    expect(
      await t.db.prisma.manufacturingOrder.findUniqueOrThrow({
        where: { id },
        select: { status: true, targetQuantity: true },
      }),
    ).toEqual({ status: 'cancelled', targetQuantity: 0 });
    expect(
      (await eventsAfter(before)).filter((event) => event.type.startsWith('order.')).map((event) => event.type),
    ).toEqual(['order.cancelled']);
  });

  it('closes at start-up an order whose last piece finished before its process could settle it, and leaves open ones alone', async () => {
    const code = 'MO-2026-0902';
    const id = await insertFixtureOrder(t.db, fixture, code, 1);
    await t.db.query(`UPDATE manufacturing_orders SET status = 'in_progress' WHERE id = $1::uuid`, [id]);
    const one: OrderRef = { id, kind: 'manufacturingOrder', code, priority: 3, status: 'in_progress' };
    const { root } = await release(T0, one);
    const loaded = await read(root);
    // The step commits, the process stops before settling: the order is still in progress.
    expect(
      (
        await persistEffects(t.db, cancelled(loaded, 'PERMANENT', at(7)), {
          actor: 'user:test',
          now: at(7),
          pieces: [loaded],
        })
      ).written,
    ).toBe(true);
    expect((await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id } })).status).toBe('in_progress');

    const before = await lastSeq();
    expect(await settleOrders(t.db, 'all', 'system', at(8))).toBe(1);
    expect((await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id } })).status).toBe('cancelled');
    expect((await eventsAfter(before)).map((event) => [event.type, event.orderId, event.data])).toEqual([
      ['order.cancelled', id, { code, kind: 'manufacturing_order' }],
    ]);
    // Nothing else is finished: a second pass closes nothing.
    expect(await settleOrders(t.db, 'all', 'system', at(9))).toBe(0);
  });

  it('holds a second command on the same piece until the first commits', async () => {
    const { root } = await release();
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let locked: () => void = () => undefined;
    const firstHoldsLock = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const first = inTx(async (tx) => {
      await loadPieceForUpdate(tx, root);
      locked();
      await gate;
      order.push('first done');
    });
    await firstHoldsLock;
    const second = inTx(async (tx) => {
      await loadPieceForUpdate(tx, root);
      order.push('second loaded');
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    order.push('released');
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['released', 'first done', 'second loaded']);
  });
});
