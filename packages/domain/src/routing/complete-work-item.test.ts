import { describe, expect, it } from 'vitest';
import type { RoutingGraph } from '../graph/graph-schema.ts';
import { at, T0 } from '../state/test-fixtures.ts';
import type { QcOutcome } from '../state/types.ts';
import { completeWorkItem } from './complete-work-item.ts';
import { InMemoryPiece } from './in-memory-piece.ts';
import {
  decision,
  emptyBranch,
  linear,
  nested,
  qcReworkOnly,
  qcWithFail,
  reworkAroundSplit,
  splitJoin,
} from './test-graphs.ts';

function counter(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function start(
  graph: RoutingGraph,
  attributes: Record<string, unknown> = {},
): { piece: InMemoryPiece; done: (nodeKey: string, qc?: QcOutcome) => void } {
  const newId = counter();
  const piece = new InMemoryPiece(graph, {
    tokenId: 'root',
    serial: 'P-1',
    orderId: 'mo-1',
    attributes,
    now: T0,
    newId,
  });
  let minute = 0;
  return { piece, done: (nodeKey, qc) => piece.work(piece.itemAt(nodeKey).id, 'ana', at(++minute), newId, qc) };
}

const openNodes = (piece: InMemoryPiece) =>
  piece
    .openItems()
    .map((item) => item.nodeKey)
    .sort();
const rework: QcOutcome = { result: 'rework', reasonCodes: ['STITCH_GAP'] };
const fail: QcOutcome = { result: 'fail', reasonCodes: ['TORN'] };

describe('completeWorkItem routing', () => {
  it('moves along a line and completes the token at the end', () => {
    const { piece, done } = start(linear);
    done('a');
    expect(openNodes(piece)).toEqual(['b']);
    expect(piece.token('root')).toMatchObject({ state: 'active', nodeKey: 'b' });
    done('b');
    expect(openNodes(piece)).toEqual([]);
    expect(piece.token('root')).toMatchObject({ state: 'completed', nodeKey: 'e' });
    expect(piece.events.at(-1)).toMatchObject({ type: 'token.completed', tokenId: 'root', nodeKey: 'e' });
  });

  it('forks one child per branch, parks the parent, and continues it when all children met at the join', () => {
    const { piece, done } = start(splitJoin);
    done('a');
    const children = piece.snapshot.tokens.filter((t) => t.parentId === 'root');
    expect(children.map((c) => c.nodeKey)).toEqual(['b', 'c']);
    expect(piece.token('root')).toMatchObject({ state: 'waiting', nodeKey: 'j' });
    done('b');
    expect(piece.token(children[0]!.id)).toMatchObject({ state: 'waiting', nodeKey: 'j' });
    expect(openNodes(piece)).toEqual(['c']);
    done('c');
    expect(children.map((c) => piece.token(c.id).state)).toEqual(['completed', 'completed']);
    expect(piece.token('root')).toMatchObject({ state: 'active', nodeKey: 'd' });
    expect(openNodes(piece)).toEqual(['d']);
  });

  it('handles nested splits: the inner join continues the child, the outer join the root', () => {
    const { piece, done } = start(nested);
    expect(openNodes(piece)).toEqual(['b', 'g']);
    done('b');
    expect(openNodes(piece)).toEqual(['c', 'd', 'g']);
    const branch = piece.snapshot.tokens.find(
      (t) => t.nodeKey === 'j2' && t.state === 'waiting' && t.parentId === 'root',
    );
    expect(branch?.serial).toBe('P-1.1');
    done('g');
    done('c');
    done('d');
    expect(openNodes(piece)).toEqual(['f']);
    expect(piece.token('root').state).toBe('waiting');
    done('f');
    expect(piece.token('root')).toMatchObject({ state: 'completed', nodeKey: 'e' });
    expect(piece.snapshot.tokens.filter((t) => t.state !== 'completed')).toEqual([]);
  });

  it('a branch with no work step waits at the join for its sibling', () => {
    const { piece, done } = start(emptyBranch);
    done('a');
    expect(piece.token('root')).toMatchObject({ state: 'completed', nodeKey: 'e' });
  });

  it('a decision takes the first matching condition, else the default edge', () => {
    expect(openNodes(start(decision, { leather: 'exotic' }).piece)).toEqual(['x']);
    expect(openNodes(start(decision, { leather: 'calf' }).piece)).toEqual(['y']);
    expect(openNodes(start(decision).piece)).toEqual(['y']);
  });

  it('QC pass follows the pass edge', () => {
    const { piece, done } = start(qcWithFail);
    done('cut');
    done('stitch');
    done('qc', { result: 'pass', reasonCodes: [] });
    expect(piece.token('root').state).toBe('completed');
  });

  it('QC rework goes back upstream and counts passes; past the limit the token takes the fail edge', () => {
    const { piece, done } = start(qcWithFail);
    done('cut');
    done('stitch');
    done('qc', rework);
    expect(piece.token('root')).toMatchObject({ nodeKey: 'stitch', reworkPasses: { 'qc->stitch': 1 } });
    done('stitch');
    done('qc', rework);
    expect(piece.token('root')).toMatchObject({ nodeKey: 'stitch', reworkPasses: { 'qc->stitch': 2 } });
    done('stitch');
    done('qc', rework);
    expect(piece.token('root')).toMatchObject({ nodeKey: 'repair', reworkPasses: { 'qc->stitch': 2 } });
    expect(piece.inbox).toEqual([]);
  });

  it('a rework loop around a split forks again, and the join waits only for the new children', () => {
    const { piece, done } = start(reworkAroundSplit);
    done('a');
    done('b');
    done('c');
    done('qc', rework);
    expect(openNodes(piece)).toEqual(['a']);
    done('a');
    expect(openNodes(piece)).toEqual(['b', 'c']);
    done('b');
    done('c');
    done('qc', { result: 'pass', reasonCodes: [] });
    expect(piece.token('root').state).toBe('completed');
    expect(piece.snapshot.tokens.filter((t) => t.parentId === 'root').map((t) => t.state)).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
  });

  it('QC fail follows the fail edge', () => {
    const { piece, done } = start(qcWithFail);
    done('cut');
    done('stitch');
    done('qc', fail);
    expect(openNodes(piece)).toEqual(['repair']);
  });

  it('past the rework limit with no fail edge the token waits and the manager gets an inbox item', () => {
    const { piece, done } = start(qcReworkOnly);
    done('cut');
    for (let pass = 0; pass < 2; pass++) {
      done('stitch');
      done('qc', rework);
    }
    done('stitch');
    const qcItem = piece.itemAt('qc');
    done('qc', rework);
    expect(piece.token('root')).toMatchObject({ state: 'waiting', nodeKey: 'qc', reworkPasses: { 'qc->stitch': 2 } });
    expect(openNodes(piece)).toEqual([]);
    expect(piece.inbox).toMatchObject([
      {
        kind: 'REWORK_LIMIT',
        tokenId: 'root',
        workItemId: qcItem.id,
        nodeKey: 'qc',
        data: { edgeKey: 'qc->stitch', maxPasses: 2, reasonCodes: ['STITCH_GAP'] },
      },
    ]);
  });

  it('a QC fail with no fail edge goes to the manager inbox', () => {
    const { piece, done } = start(qcReworkOnly);
    done('cut');
    done('stitch');
    done('qc', fail);
    expect(piece.token('root').state).toBe('waiting');
    expect(piece.inbox).toMatchObject([{ kind: 'QC_FAILED', data: { reasonCodes: ['TORN'] } }]);
  });

  it('refuses a QC completion without a result, and leaves nothing half done', () => {
    const { piece, done } = start(qcWithFail);
    done('cut');
    done('stitch');
    const item = piece.itemAt('qc');
    piece.command(item.id, { type: 'claim', operatorId: 'ana', now: at(9) });
    piece.command(item.id, { type: 'start', operatorId: 'ana', now: at(9) });
    expect(
      completeWorkItem(qcWithFail, piece.snapshot, {
        workItemId: item.id,
        operatorId: 'ana',
        now: at(10),
        newId: counter(),
      }),
    ).toEqual({ ok: false, code: 'QC_RESULT_REQUIRED' });
  });

  it('refuses unknown items and items whose token no longer moves', () => {
    const { piece } = start(linear);
    const item = piece.itemAt('a');
    const input = { operatorId: 'ana', now: at(1), newId: counter() };
    expect(completeWorkItem(linear, piece.snapshot, { ...input, workItemId: 'nope' })).toEqual({
      ok: false,
      code: 'WORK_ITEM_NOT_FOUND',
    });
    const cancelled = {
      ...piece.snapshot,
      tokens: piece.snapshot.tokens.map((t) => ({ ...t, state: 'cancelled' as const })),
    };
    expect(completeWorkItem(linear, cancelled, { ...input, workItemId: item.id })).toEqual({
      ok: false,
      code: 'TOKEN_NOT_ACTIVE',
    });
  });

  it('is pure: same inputs give the same effects, and the snapshot is left untouched', () => {
    const { piece } = start(splitJoin);
    const item = piece.itemAt('a');
    piece.command(item.id, { type: 'claim', operatorId: 'ana', now: at(1) });
    piece.command(item.id, { type: 'start', operatorId: 'ana', now: at(1) });
    const before = structuredClone(piece.snapshot);
    const run = () =>
      completeWorkItem(splitJoin, piece.snapshot, {
        workItemId: item.id,
        operatorId: 'ana',
        now: at(2),
        newId: counter('x'),
      });
    const first = run();
    expect(run()).toEqual(first);
    expect(piece.snapshot).toEqual(before);
    expect(first.ok && first.effects.tokens.update).toMatchObject([{ id: 'root', state: 'waiting' }]);
  });
});
