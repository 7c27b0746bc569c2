import type { PieceCounts } from '../../../lib/progress.ts';
import type {
  AtelierJob,
  AtelierJobDetail,
  ManufacturingOrder,
  ManufacturingOrderDetail,
  NodeCount,
  OrderRef,
  RoutingRef,
} from '@atelier/contracts';

/** The two order resources; each is also the URL segment of its screens and its API path. */
export type OrderKind = 'manufacturing-orders' | 'atelier-jobs';

/** Narrows a URL segment to an order kind. */
export function isOrderKind(value: string | undefined): value is OrderKind {
  return value === 'manufacturing-orders' || value === 'atelier-jobs';
}

/** What the orders screens show of either kind of order. */
export interface OrderSummary {
  kind: OrderKind;
  id: string;
  code: string;
  product: string;
  /** The brand client of an MO, or the customer of an atelier job (none for internal work). */
  party: string | null;
  quantity: number;
  dueDate: string | null;
  status: string;
  routing: RoutingRef | null;
  progress: PieceCounts;
  /** For a hybrid atelier job: the MO whose pieces it works on. */
  linkedMo: OrderRef | null;
}

/** Maps an API order of either kind to the shape the screens share. */
export function summarizeOrder(kind: 'manufacturing-orders', order: ManufacturingOrder): OrderSummary;
export function summarizeOrder(kind: 'atelier-jobs', order: AtelierJob): OrderSummary;
export function summarizeOrder(kind: OrderKind, order: ManufacturingOrder | AtelierJob): OrderSummary;
export function summarizeOrder(kind: OrderKind, order: ManufacturingOrder | AtelierJob): OrderSummary {
  const common = {
    kind,
    id: order.id,
    code: order.code,
    product: order.product,
    quantity: order.quantity,
    dueDate: order.dueDate,
    status: order.status,
    routing: order.routing,
    progress: order.progress,
  };
  return 'client' in order
    ? { ...common, party: order.client, linkedMo: null }
    : { ...common, party: order.customer, linkedMo: order.mo };
}

/** An order with the live counts of each node of its routing. */
export type OrderDetail = OrderSummary & {
  nodes: NodeCount[];
  /** For an MO: the hybrid atelier jobs that work on its pieces. */
  hybridJobs: OrderRef[];
};

/** Maps an order detail response of either kind. */
export function summarizeOrderDetail(kind: OrderKind, order: ManufacturingOrderDetail | AtelierJobDetail): OrderDetail {
  return {
    ...summarizeOrder(kind, order),
    nodes: order.nodes,
    hybridJobs: 'atelierJobs' in order ? order.atelierJobs : [],
  };
}
