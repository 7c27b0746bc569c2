import type { NodeCount } from '@atelier/contracts';

/** Pieces or components at a step: how many are there, and how many of those are waiting. */
export interface HereCount {
  here: number;
  waiting: number;
}

/** One step of the routing as the order page's table shows it. */
export interface NodeCountRow {
  nodeKey: string;
  name: string;
  type: string;
  pieces: HereCount;
  components: HereCount;
  workItems: NodeCount['workItems'];
  ended: NodeCount['ended'];
  /** Tokens here (pieces and components) relative to the busiest step, 0…1, for the load bar. */
  load: number;
  /** Nothing is at the step and nothing ended there. */
  idle: boolean;
}

/** The table's rows and its totals row, which are the order's pieces and components in flight and the pieces that ended. */
export interface NodeCountTable {
  rows: NodeCountRow[];
  totals: Pick<NodeCountRow, 'pieces' | 'components' | 'workItems' | 'ended'>;
}

const here = ({ active, waiting }: NodeCount['pieces']): HereCount => ({ here: active + waiting, waiting });

/**
 * Rows of the per-step table: pieces (top-level tokens) and components (split children) counted
 * apart, so a one-piece job split into body and strap reads "1 piece" at its join and "1
 * component" at each branch — not three pieces — and totals that add up to the order's summary.
 */
export function nodeCountTable(nodes: readonly NodeCount[]): NodeCountTable {
  const tokensAt = (node: NodeCount) =>
    node.pieces.active + node.pieces.waiting + node.components.active + node.components.waiting;
  const busiest = Math.max(1, ...nodes.map(tokensAt));
  const rows = nodes.map((node) => {
    const ended = node.ended.completed + node.ended.scrapped + node.ended.cancelled;
    return {
      nodeKey: node.nodeKey,
      name: node.name,
      type: node.type,
      pieces: here(node.pieces),
      components: here(node.components),
      workItems: node.workItems,
      ended: node.ended,
      load: tokensAt(node) / busiest,
      idle: tokensAt(node) === 0 && ended === 0,
    };
  });
  const sum = (pick: (row: NodeCountRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    rows,
    totals: {
      pieces: { here: sum((row) => row.pieces.here), waiting: sum((row) => row.pieces.waiting) },
      components: { here: sum((row) => row.components.here), waiting: sum((row) => row.components.waiting) },
      workItems: {
        ready: sum((row) => row.workItems.ready),
        assigned: sum((row) => row.workItems.assigned),
        inProgress: sum((row) => row.workItems.inProgress),
        paused: sum((row) => row.workItems.paused),
      },
      ended: {
        completed: sum((row) => row.ended.completed),
        scrapped: sum((row) => row.ended.scrapped),
        cancelled: sum((row) => row.ended.cancelled),
      },
    },
  };
}
