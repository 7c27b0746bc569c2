import { describe, expect, it } from 'vitest';
import { T0 } from '../state/test-fixtures.ts';
import { releasePiece } from './release-piece.ts';
import { emptyBranch, linear, splitJoin } from './test-graphs.ts';

function counter(): () => string {
  let n = 0;
  return () => `id-${++n}`;
}

const input = { tokenId: 'root', serial: 'MO-2026-0012-007', orderId: 'mo-12', attributes: { size: 'M' }, now: T0 };

describe('releasePiece', () => {
  it('places the token at start and routes it to the first work step', () => {
    const effects = releasePiece(linear, { ...input, newId: counter() });
    expect(effects.tokens.insert).toEqual([
      {
        id: 'root',
        serial: 'MO-2026-0012-007',
        orderId: 'mo-12',
        parentId: null,
        replacesId: null,
        state: 'active',
        nodeKey: 'a',
        attributes: { size: 'M' },
        reworkPasses: {},
      },
    ]);
    expect(effects.workItems.insert).toMatchObject([
      { id: 'id-1', tokenId: 'root', nodeKey: 'a', kind: 'operation', state: 'ready', operators: [], createdAt: T0 },
    ]);
    expect(effects.events.map((e) => `${e.type}@${e.nodeKey}`)).toEqual([
      'token.released@s',
      'token.moved@a',
      'work_item.created@a',
    ]);
    expect(effects.tokens.update).toEqual([]);
  });

  it('splits at once when the graph forks before any work, and a branch with no work waits at the join', () => {
    const effects = releasePiece(emptyBranch, { ...input, newId: counter() });
    const [root, first, second] = effects.tokens.insert;
    expect(root).toMatchObject({ id: 'root', state: 'waiting', nodeKey: 'j' });
    expect(first).toMatchObject({
      id: 'id-1',
      parentId: 'root',
      serial: 'MO-2026-0012-007.1',
      state: 'active',
      nodeKey: 'a',
    });
    expect(second).toMatchObject({
      id: 'id-2',
      parentId: 'root',
      serial: 'MO-2026-0012-007.2',
      state: 'waiting',
      nodeKey: 'j',
    });
    expect(effects.workItems.insert).toMatchObject([{ tokenId: 'id-1', nodeKey: 'a' }]);
  });

  it('records the piece it replaces', () => {
    const effects = releasePiece(splitJoin, { ...input, replacesId: 'old-root', newId: counter() });
    expect(effects.tokens.insert[0]).toMatchObject({ replacesId: 'old-root' });
    expect(effects.events[0]).toMatchObject({ type: 'token.released', data: { replacesId: 'old-root' } });
  });
});
