import { buildGraphIndex } from '@atelier/domain';
import { letterGraph } from '../../../../../../packages/domain/src/graph/letter-graph.ts';
import { describe, expect, it } from 'vitest';
import { checkConnection } from './connection-rules.ts';

// S → A → Q(qc) → E, Q fails to X; D is a decision off A's path; B stands alone.
const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end', X: 'end', D: 'decision', B: 'operation' }, [
  'S>A',
  'A>Q',
  'Q>E pass',
  'Q>X fail',
  'D>B default',
]);
const index = buildGraphIndex(graph);
const check = (from: string, to: string) => checkConnection(index, from, to);

describe('checkConnection', () => {
  it('refuses self loops, second edges between the same nodes, unknown nodes', () => {
    expect(check('A', 'A')).toEqual({ ok: false, reason: 'self-loop' });
    expect(check('A', 'Q')).toEqual({ ok: false, reason: 'duplicate' });
    expect(check('A', 'Z')).toEqual({ ok: false, reason: 'unknown-node' });
  });

  it('refuses edges out of an end or into the start', () => {
    expect(check('E', 'B')).toEqual({ ok: false, reason: 'from-end' });
    expect(check('B', 'S')).toEqual({ ok: false, reason: 'into-start' });
  });

  it('refuses a loop back through ordinary edges but offers rework from a QC', () => {
    expect(check('Q', 'A')).toEqual({ ok: true, kinds: ['rework'] });
    const loop = buildGraphIndex(letterGraph({ S: 'start', A: 'operation', B: 'operation' }, ['S>A', 'A>B']));
    expect(checkConnection(loop, 'B', 'A')).toEqual({ ok: false, reason: 'cycle' });
  });

  it('picks the kinds from the source type, without a second pass or default', () => {
    expect(check('A', 'B')).toEqual({ ok: true, kinds: ['normal'] });
    expect(check('Q', 'B')).toEqual({ ok: true, kinds: ['fail', 'rework'] });
    expect(check('D', 'A')).toEqual({ ok: true, kinds: ['condition'] });
    const fresh = buildGraphIndex(letterGraph({ Q: 'qc', D: 'decision', B: 'operation' }, []));
    expect(checkConnection(fresh, 'Q', 'B')).toEqual({ ok: true, kinds: ['pass', 'fail', 'rework'] });
    expect(checkConnection(fresh, 'D', 'B')).toEqual({ ok: true, kinds: ['condition', 'default'] });
  });
});
