import { describe, expect, it } from 'vitest';
import { at, T0 } from '../state/test-fixtures.ts';
import { acceptHeldPiece } from './accept-held-piece.ts';
import { InMemoryPiece } from './in-memory-piece.ts';
import { qcReworkOnly } from './test-graphs.ts';

function counter(): () => string {
  let n = 0;
  return () => `id-${++n}`;
}

function heldAtQc(): InMemoryPiece {
  const newId = counter();
  const piece = new InMemoryPiece(qcReworkOnly, {
    tokenId: 'root',
    serial: 'P-1',
    orderId: 'mo-1',
    attributes: {},
    now: T0,
    newId,
  });
  piece.work(piece.itemAt('cut').id, 'ana', at(1), newId);
  piece.work(piece.itemAt('stitch').id, 'ana', at(2), newId);
  piece.work(piece.itemAt('qc').id, 'ana', at(3), newId, { result: 'fail', reasonCodes: ['SCRATCH'] });
  return piece;
}

describe('acceptHeldPiece', () => {
  it('sends a held piece on along the pass edge', () => {
    const piece = heldAtQc();
    expect(piece.token('root').state).toBe('waiting');
    const result = acceptHeldPiece(qcReworkOnly, piece.snapshot, { tokenId: 'root', now: at(9), newId: counter() });
    if (!result.ok) throw new Error(result.code);
    piece.persist(result.effects);
    expect(piece.token('root')).toMatchObject({ state: 'completed', nodeKey: 'e' });
    expect(result.effects.events.map((e) => e.type)).toEqual(['token.resumed', 'token.moved', 'token.completed']);
  });

  it('refuses tokens that are not held at a QC node', () => {
    const newId = counter();
    const moving = new InMemoryPiece(qcReworkOnly, {
      tokenId: 'root',
      serial: 'P-1',
      orderId: 'mo-1',
      attributes: {},
      now: T0,
      newId,
    });
    expect(acceptHeldPiece(qcReworkOnly, moving.snapshot, { tokenId: 'root', now: at(1), newId })).toEqual({
      ok: false,
      code: 'TOKEN_NOT_HELD',
    });
    expect(acceptHeldPiece(qcReworkOnly, moving.snapshot, { tokenId: 'ghost', now: at(1), newId })).toEqual({
      ok: false,
      code: 'TOKEN_NOT_FOUND',
    });
  });
});
