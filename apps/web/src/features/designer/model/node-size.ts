import type { NodeType } from '@atelier/domain';

/** Size a node of each type is drawn at (the node CSS uses the same widths); layout uses it before measuring. */
export const NODE_SIZE: Record<NodeType, { width: number; height: number }> = {
  start: { width: 132, height: 56 },
  end: { width: 132, height: 56 },
  operation: { width: 232, height: 116 },
  qc: { width: 232, height: 116 },
  split: { width: 148, height: 56 },
  join: { width: 148, height: 56 },
  decision: { width: 168, height: 72 },
};

/** The canvas grid: snapping, drops and laid-out positions all land on it. */
export const GRID = 16;
