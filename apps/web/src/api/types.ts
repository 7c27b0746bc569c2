import type { PieceCounts } from '../lib/progress.ts';

/*
 * Response shapes of the API (apps/api/src/routes/api/v1/*.schema.ts). They mirror the API's zod
 * schemas by hand until those move to a package the browser can import without server code.
 */

/** The routing an order follows; `version` is the published version it was released on (null before release). */
export interface RoutingRef {
  code: string;
  name: string;
  version: number | null;
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

/** A link to another order. */
export interface OrderRef {
  id: string;
  code: string;
}

/** An OEM batch order for a brand client. */
export interface ManufacturingOrder {
  id: string;
  code: string;
  product: string;
  client: string;
  quantity: number;
  dueDate: string | null;
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
  dueDate: string | null;
  status: string;
  mo: OrderRef | null;
  routing: RoutingRef | null;
  progress: PieceCounts;
}

/** In-flight tokens of one kind at a node: being worked or queued (`active`), or `waiting`. */
export interface TokensAtNode {
  active: number;
  /** A piece at a join waiting for its components (or held at QC for a decision); a component at its join waiting for its siblings. */
  waiting: number;
}

/**
 * Live counts at one node of an order's routing; the API lists every node, in routing order.
 * `pieces` summed over the nodes is the order's pieces in flight; `ended` summed over the nodes
 * is its completed, scrapped and cancelled pieces.
 */
export interface NodeCount {
  nodeKey: string;
  name: string;
  type: string;
  /** Tokens, pieces and components together: `pieces.active + components.active`. */
  active: number;
  /** Tokens, pieces and components together: `pieces.waiting + components.waiting`. */
  waiting: number;
  /** Pieces (top-level tokens) in flight at the node. */
  pieces: TokensAtNode;
  /** Components (the parts a piece is split into at a parallel step) in flight at the node. */
  components: TokensAtNode;
  /** Pieces that left the routing at the node: finished at an end, scrapped, or cancelled. */
  ended: { completed: number; scrapped: number; cancelled: number };
  /** Open work items at the node, by state. */
  workItems: { ready: number; assigned: number; inProgress: number; paused: number };
}

/** `GET /manufacturing-orders/:id`: adds the per-node counts and the hybrid jobs linked to it. */
export type ManufacturingOrderDetail = ManufacturingOrder & { nodes: NodeCount[]; atelierJobs: OrderRef[] };

/** `GET /atelier-jobs/:id`: adds the per-node counts. */
export type AtelierJobDetail = AtelierJob & { nodes: NodeCount[] };

/** A role of SPEC §1; each decides which screens the navigation offers. */
export type Role = 'admin' | 'designer' | 'manager' | 'operator' | 'integrator';

/** `GET /me`: the signed-in caller. `station` is true for a PIN session on a shop-floor tablet. */
export interface Me {
  kind: 'user' | 'apiKey';
  id: string;
  username: string | null;
  displayName: string;
  roles: Role[];
  station: boolean;
  team: { id: string; code: string; name: string } | null;
  skills: { code: string; name: string; level: number }[];
}

/** `POST /auth/login` and `POST /auth/pin`: the signed-in user and when the session ends. */
export interface SignInResult {
  user: Me;
  expiresAt: string;
}

/** `POST /auth/login`. */
export interface PasswordSignIn {
  username: string;
  password: string;
}

/** `POST /auth/pin`: the operator by badge (scanned or typed) or by user id (picked from a roster). */
export type PinSignIn = ({ badgeId: string } | { userId: string }) & { pin: string };

/** A registered station, as the tablet that is it sees it (`GET /auth/station`). */
export interface PairedStation {
  id: string;
  name: string;
  workCenters: { code: string; name: string }[];
}

/** `POST /stations/pair`: the station this tablet now is (the device cookie is set too). */
export interface StationPairing {
  station: PairedStation;
  deviceToken: string;
}
