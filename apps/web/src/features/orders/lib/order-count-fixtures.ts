import type { NodeCount } from '@atelier/contracts';

type NodeParts = Partial<Pick<NodeCount, 'pieces' | 'components' | 'workItems'>> & {
  ended?: Partial<NodeCount['ended']>;
};

const NOTHING = {
  pieces: { active: 0, waiting: 0 },
  components: { active: 0, waiting: 0 },
  ended: { completed: 0, scrapped: 0, cancelled: 0 },
  workItems: { ready: 0, assigned: 0, inProgress: 0, paused: 0 },
};

/** Test support: a node count as the API sends it, zero where not given. */
export function nodeCount(nodeKey: string, name: string, type: string, parts: NodeParts = {}): NodeCount {
  const node = { nodeKey, name, type, ...NOTHING, ...parts, ended: { ...NOTHING.ended, ...parts.ended } };
  return {
    ...node,
    active: node.pieces.active + node.components.active,
    waiting: node.pieces.waiting + node.components.waiting,
  };
}

/** AJ-2026-0031 as the API reports it: one piece, its strap at the join, its body being stitched. */
export const ONE_PIECE_SPLIT_JOB: NodeCount[] = [
  nodeCount('cut', 'Cut panels and strap', 'operation'),
  nodeCount('split', 'Body and strap in parallel', 'split'),
  nodeCount('stitch-body', 'Stitch body', 'operation', {
    components: { active: 1, waiting: 0 },
    workItems: { ready: 0, assigned: 0, inProgress: 1, paused: 0 },
  }),
  nodeCount('edge-paint-strap', 'Edge paint strap', 'operation'),
  nodeCount('join', 'Body and strap ready', 'join', {
    pieces: { active: 0, waiting: 1 },
    components: { active: 0, waiting: 1 },
  }),
  nodeCount('end', 'Finished', 'end'),
];

/** A tote MO like MO-2026-0012: 6 finished, 18 in flight, one scrapped at final inspection. */
export const SCRAPPED_AND_REPLACED_ORDER: NodeCount[] = [
  nodeCount('cut', 'Cut panels and strap', 'operation', { pieces: { active: 4, waiting: 0 } }),
  nodeCount('split', 'Body and strap in parallel', 'split'),
  nodeCount('stitch-body', 'Stitch body', 'operation', { components: { active: 3, waiting: 0 } }),
  nodeCount('edge-paint-strap', 'Edge paint strap', 'operation', { components: { active: 1, waiting: 0 } }),
  nodeCount('join', 'Body and strap ready', 'join', {
    pieces: { active: 0, waiting: 4 },
    components: { active: 0, waiting: 3 },
  }),
  nodeCount('assemble', 'Assemble tote', 'operation', { pieces: { active: 10, waiting: 0 } }),
  nodeCount('qc', 'Final inspection', 'qc', { ended: { scrapped: 1 } }),
  nodeCount('end', 'Finished', 'end', { ended: { completed: 6 } }),
  nodeCount('scrap', 'Scrapped', 'end'),
];
