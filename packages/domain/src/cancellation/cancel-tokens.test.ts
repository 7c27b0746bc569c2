import { describe, expect, it } from 'vitest';
import type { RoutingGraph } from '../graph/graph-schema.ts';
import { InMemoryPiece } from '../routing/in-memory-piece.ts';
import { linear, qcWithFail, splitJoin } from '../routing/test-graphs.ts';
import { at, T0 } from '../state/test-fixtures.ts';
import { cancelTokens, replacementSerial } from './cancel-tokens.ts';
import type { CancellablePiece, CancelTokensInput } from './cancel-tokens.ts';

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function released(graph: RoutingGraph, root: string, orderId = 'mo-1'): InMemoryPiece {
  return new InMemoryPiece(graph, {
    tokenId: root,
    serial: `MO-1-${root}`,
    orderId,
    attributes: { colour: 'tan' },
    now: T0,
    newId: counter(root),
  });
}

function pieceOf(piece: InMemoryPiece, redesignGraph?: RoutingGraph): CancellablePiece {
  return { ...piece.snapshot, graph: piece.graph, ...(redesignGraph && { redesignGraph }) };
}

function request(pieces: CancellablePiece[], overrides: Partial<CancelTokensInput>): CancelTokensInput {
  return {
    tokenIds: [],
    type: 'PERMANENT',
    reason: 'customer withdrew',
    pieces,
    now: at(30),
    newId: counter('new'),
    ...overrides,
  };
}

describe('cancelTokens', () => {
  it('cancelling a child cancels the whole piece and its open work items', () => {
    const piece = released(splitJoin, 'p1');
    piece.work(piece.itemAt('a').id, 'ana', at(1), counter('w'));
    piece.command(piece.itemAt('b').id, { type: 'claim', operatorId: 'bo', now: at(2) });
    const child = piece.snapshot.tokens.find((t) => t.parentId === 'p1');
    const result = cancelTokens(request([pieceOf(piece)], { tokenIds: [child!.id], type: 'PERMANENT' }));
    if (!result.ok) throw new Error(result.code);
    piece.persist(result.effects);
    expect(piece.snapshot.tokens.map((t) => t.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(piece.openItems()).toEqual([]);
    expect(result.effects.workItems.update.map((w) => [w.nodeKey, w.state])).toEqual([
      ['b', 'cancelled'],
      ['c', 'cancelled'],
    ]);
    expect(result.effects.orders).toEqual([{ orderId: 'mo-1', targetQuantityDelta: -1 }]);
    expect(result.effects.tokens.insert).toEqual([]);
    expect(result.effects.events.find((e) => e.type === 'token.cancelled')).toMatchObject({
      data: { cancellation: 'PERMANENT', reason: 'customer withdrew' },
    });
  });

  it('QC_FAIL replaces the piece at start on the same version, keeping the quantity', () => {
    const piece = released(qcWithFail, 'p1');
    piece.work(piece.itemAt('cut').id, 'ana', at(1), counter('w'));
    const result = cancelTokens(
      request([pieceOf(piece)], { tokenIds: ['p1'], type: 'QC_FAIL', reason: 'torn beyond repair' }),
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.effects.orders).toEqual([]);
    expect(result.effects.tokens.insert).toEqual([
      {
        id: 'new-1',
        serial: 'MO-1-p1-R1',
        orderId: 'mo-1',
        parentId: null,
        replacesId: 'p1',
        state: 'active',
        nodeKey: 'cut',
        attributes: { colour: 'tan' },
        reworkPasses: {},
      },
    ]);
    expect(result.effects.workItems.insert).toMatchObject([{ tokenId: 'new-1', nodeKey: 'cut', state: 'ready' }]);
    expect(result.effects.events.map((e) => e.type)).toContain('token.replaced');
  });

  it('REDESIGN replaces the piece on the newer version, and needs one', () => {
    const piece = released(linear, 'p1');
    expect(cancelTokens(request([pieceOf(piece)], { tokenIds: ['p1'], type: 'REDESIGN' }))).toEqual({
      ok: false,
      code: 'NEW_VERSION_REQUIRED',
      tokenId: 'p1',
    });
    const result = cancelTokens(request([pieceOf(piece, splitJoin)], { tokenIds: ['p1'], type: 'REDESIGN' }));
    if (!result.ok) throw new Error(result.code);
    expect(result.effects.tokens.insert[0]).toMatchObject({ replacesId: 'p1', nodeKey: 'a' });
    expect(result.effects.workItems.insert).toMatchObject([{ nodeKey: 'a' }]);
    expect(result.effects.orders).toEqual([]);
  });

  it('bulk cancels several pieces once each and sums quantity changes per order', () => {
    const pieces = [released(linear, 'p1'), released(splitJoin, 'p2'), released(linear, 'p3', 'mo-2')];
    const result = cancelTokens(
      request(
        pieces.map((p) => pieceOf(p)),
        { tokenIds: ['p1', 'p2', 'p1', 'p3'] },
      ),
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.effects.tokens.update.map((t) => t.id)).toEqual(['p1', 'p2', 'p3']);
    expect(result.effects.orders).toEqual([
      { orderId: 'mo-1', targetQuantityDelta: -2 },
      { orderId: 'mo-2', targetQuantityDelta: -1 },
    ]);
  });

  it('bulk is all or nothing: one finished piece refuses the whole request', () => {
    const done = released(linear, 'p2');
    done.work(done.itemAt('a').id, 'ana', at(1), counter('w'));
    done.work(done.itemAt('b').id, 'ana', at(2), counter('w'));
    const input = request([pieceOf(released(linear, 'p1')), pieceOf(done)], { tokenIds: ['p1', 'p2'] });
    expect(cancelTokens(input)).toEqual({ ok: false, code: 'TOKEN_NOT_CANCELLABLE', tokenId: 'p2' });
  });

  it.each([
    { name: 'no tokens', overrides: { tokenIds: [] }, code: 'NO_TOKENS' },
    { name: 'blank reason', overrides: { tokenIds: ['p1'], reason: '  ' }, code: 'REASON_REQUIRED' },
    { name: 'unknown token', overrides: { tokenIds: ['p1', 'ghost'] }, code: 'TOKEN_NOT_FOUND' },
  ])('refuses $name with $code', ({ overrides, code }) => {
    expect(cancelTokens(request([pieceOf(released(linear, 'p1'))], overrides))).toMatchObject({ ok: false, code });
  });

  it('a cancelled piece is refused a second time', () => {
    const piece = released(linear, 'p1');
    const first = cancelTokens(request([pieceOf(piece)], { tokenIds: ['p1'] }));
    if (!first.ok) throw new Error(first.code);
    piece.persist(first.effects);
    expect(cancelTokens(request([pieceOf(piece)], { tokenIds: ['p1'] }))).toMatchObject({
      ok: false,
      code: 'TOKEN_NOT_CANCELLABLE',
    });
  });

  it('numbers replacement serials', () => {
    expect(replacementSerial('MO-2026-0012-007')).toBe('MO-2026-0012-007-R1');
    expect(replacementSerial('MO-2026-0012-007-R1')).toBe('MO-2026-0012-007-R2');
  });
});
