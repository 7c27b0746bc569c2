import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import { countOrder } from './order-read-model.ts';
import { manufacturingOrderInclude, toManufacturingOrder } from './list-manufacturing-orders.ts';
import type { ManufacturingOrderDetail } from '@atelier/contracts';

/** One manufacturing order by UUID or code, with live counts per node; 404 `MANUFACTURING_ORDER_NOT_FOUND`. */
export async function getManufacturingOrder(db: Database, idOrCode: string): Promise<ManufacturingOrderDetail> {
  const row = await db.prisma.manufacturingOrder.findUnique({
    where: byIdOrCode(idOrCode),
    include: {
      ...manufacturingOrderInclude,
      graphVersion: { select: { number: true, body: true } },
      atelierJobs: { select: { id: true, code: true }, orderBy: { code: 'asc' } },
    },
  });
  if (row === null) {
    throw new HttpProblem(
      404,
      'MANUFACTURING_ORDER_NOT_FOUND',
      `No manufacturing order has the id or code "${idOrCode}".`,
    );
  }
  const counts = await countOrder(db, 'manufacturingOrder', row.id, row.graphVersion?.body ?? null);
  return {
    ...toManufacturingOrder(row, counts.pieces),
    nodes: counts.nodes,
    atelierJobs: row.atelierJobs,
  };
}
