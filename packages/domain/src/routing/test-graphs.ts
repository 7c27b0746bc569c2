import { letterGraph, letterNode } from '../graph/letter-graph.ts';

/** Small routing fixtures for the routing and cancellation tests (rework edges allow 2 passes). */

/** start → a → b → end */
export const linear = letterGraph({ s: 'start', a: 'operation', b: 'operation', e: 'end' }, ['s>a', 'a>b', 'b>e']);

/** start → a → split → {b, c} → join → d → end */
export const splitJoin = letterGraph(
  { s: 'start', a: 'operation', fork: 'split', b: 'operation', c: 'operation', j: 'join', d: 'operation', e: 'end' },
  ['s>a', 'a>fork', 'fork>b', 'fork>c', 'b>j', 'c>j', 'j>d', 'd>e'],
);

/** start → split1 → { b → split2 → {c, d} → join2 → f ; g } → join1 → end */
export const nested = letterGraph(
  {
    s: 'start',
    f1: 'split',
    b: 'operation',
    f2: 'split',
    c: 'operation',
    d: 'operation',
    j2: 'join',
    f: 'operation',
    g: 'operation',
    j1: 'join',
    e: 'end',
  },
  ['s>f1', 'f1>b', 'f1>g', 'b>f2', 'f2>c', 'f2>d', 'c>j2', 'd>j2', 'j2>f', 'f>j1', 'g>j1', 'j1>e'],
);

/** start → split → {a, straight to join} → join → end: a branch with no work step. */
export const emptyBranch = letterGraph({ s: 'start', fork: 'split', a: 'operation', j: 'join', e: 'end' }, [
  's>fork',
  'fork>a',
  'fork>j',
  'a>j',
  'j>e',
]);

/** start → decision: exotic leather → x, otherwise → y; both → end */
export const decision = letterGraph({ s: 'start', dec: 'decision', x: 'operation', y: 'operation', e: 'end' }, [
  's>dec',
  { from: 'dec', to: 'x', kind: 'condition', condition: { attribute: 'leather', op: 'eq', value: 'exotic' } },
  'dec>y default',
  'x>e',
  'y>e',
]);

/** start → cut → stitch → qc; pass → end, rework → stitch (max 2), fail → repair → end */
export const qcWithFail = letterGraph(
  { s: 'start', cut: 'operation', stitch: 'operation', qc: 'qc', repair: 'operation', e: 'end' },
  ['s>cut', 'cut>stitch', 'stitch>qc', 'qc>e pass', 'qc>stitch rework', 'qc>repair fail', 'repair>e'],
);

/** Like `qcWithFail` without the fail edge: past the rework limit a manager decides. */
export const qcReworkOnly = letterGraph({ s: 'start', cut: 'operation', stitch: 'operation', qc: 'qc', e: 'end' }, [
  's>cut',
  'cut>stitch',
  'stitch>qc',
  'qc>e pass',
  'qc>stitch rework',
]);

/** start → a → split → {b, c} → join → qc; pass → end, rework → a: the loop forks again on each pass. */
export const reworkAroundSplit = letterGraph(
  { s: 'start', a: 'operation', fork: 'split', b: 'operation', c: 'operation', j: 'join', qc: 'qc', e: 'end' },
  ['s>a', 'a>fork', 'fork>b', 'fork>c', 'b>j', 'c>j', 'j>qc', 'qc>e pass', 'qc>a rework'],
);

/** start → a → b → end where b is a two-artisan step (2 to 3 operators): it starts once a colleague joined. */
export const pairedStitching = letterGraph(
  {
    s: 'start',
    a: 'operation',
    b: {
      ...letterNode('b', 'operation'),
      config: { workCenter: 'ASM', standardMinutes: 20, minOperators: 2, maxOperators: 3 },
    },
    e: 'end',
  },
  ['s>a', 'a>b', 'b>e'],
);
