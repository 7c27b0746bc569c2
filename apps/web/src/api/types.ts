import type { PieceCounts } from '../lib/progress.ts';

/** The published routing version an order runs on. */
export interface RoutingRef {
  code: string;
  name: string;
  version: number;
}

/** `GET /health`. */
export interface Health {
  status: string;
  database: 'pglite' | 'postgresql';
  migrations: { applied: number; latest: string | null };
  version: string;
}

/** One page of a cursor-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An OEM batch order for a brand client. */
export interface ManufacturingOrder {
  id: string;
  code: string;
  product: string;
  client: string;
  quantity: number;
  dueDate: string;
  status: string;
  routing: RoutingRef | null;
  progress: PieceCounts;
}

/** A hand-made order; `mo` is set for a hybrid job that finishes pieces of an OEM batch. */
export interface AtelierJob {
  id: string;
  code: string;
  product: string;
  customer: string | null;
  quantity: number;
  dueDate: string;
  status: string;
  mo: { id: string; code: string } | null;
  routing: RoutingRef | null;
  progress: PieceCounts;
}

/** How many of an order's pieces are at one node of its routing. */
export interface NodePieceCount {
  key: string;
  name: string;
  type: string;
  active: number;
  waiting: number;
  completed: number;
  cancelled: number;
}

/** The detail endpoints add the per-node piece counts. */
export type WithNodes<T> = T & { nodes: NodePieceCount[] };
