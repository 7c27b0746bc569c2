import type { Database } from '../db/database.ts';
import {
  orderPageArgs,
  toIsoDate,
  toOrderPage,
  toProgress,
  toRoutingRef,
  type PieceCounts,
} from './order-read-model.ts';
import type { ManufacturingOrder } from '@atelier/contracts';

/** Options of {@link listManufacturingOrders}. */
export interface ListManufacturingOrdersOptions {
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/** Rows needed to show a manufacturing order as listed. */
export const manufacturingOrderInclude = {
  graph: { select: { code: true, name: true } },
  graphVersion: { select: { number: true } },
} as const;

/** The listed shape of a manufacturing order row, given its piece counts. */
export function toManufacturingOrder(
  row: {
    id: string;
    code: string;
    product: string;
    client: string;
    targetQuantity: number;
    dueDate: Date | null;
    status: ManufacturingOrder['status'];
    graph: { code: string; name: string };
    graphVersion: { number: number } | null;
  },
  pieces: Map<string, PieceCounts>,
): ManufacturingOrder {
  return {
    id: row.id,
    code: row.code,
    product: row.product,
    client: row.client,
    quantity: row.targetQuantity,
    dueDate: toIsoDate(row.dueDate),
    status: row.status,
    routing: toRoutingRef(row.graph, row.graphVersion),
    progress: toProgress(pieces.get(row.id), row.targetQuantity),
  };
}

/** Manufacturing orders, newest code first, one page at a time, each with its piece progress. */
export async function listManufacturingOrders(db: Database, { cursor, limit }: ListManufacturingOrdersOptions) {
  const rows = await db.prisma.manufacturingOrder.findMany({
    ...orderPageArgs(cursor, limit),
    include: manufacturingOrderInclude,
  });
  return toOrderPage(db, 'manufacturingOrder', rows, limit, toManufacturingOrder);
}
