import { HttpProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { Tx } from './piece-store.ts';

/**
 * References an order carries, resolved inside the command's transaction. An unknown one is a 422:
 * the request is well-formed but points at nothing.
 */

/** The routing graph named by UUID or code; 422 `UNKNOWN_ROUTING`. */
export async function resolveRouting(tx: Tx, idOrCode: string): Promise<{ id: string; code: string }> {
  const graph = await tx.routingGraph.findUnique({ where: byIdOrCode(idOrCode), select: { id: true, code: true } });
  if (graph === null)
    throw new HttpProblem(422, 'UNKNOWN_ROUTING', `No routing graph has the id or code "${idOrCode}".`);
  return graph;
}

/** The manufacturing order named by UUID or code (the MO of a hybrid atelier job); 422 `UNKNOWN_MANUFACTURING_ORDER`. */
export async function resolveManufacturingOrder(tx: Tx, idOrCode: string): Promise<{ id: string; code: string }> {
  const order = await tx.manufacturingOrder.findUnique({
    where: byIdOrCode(idOrCode),
    select: { id: true, code: true },
  });
  if (order === null)
    throw new HttpProblem(
      422,
      'UNKNOWN_MANUFACTURING_ORDER',
      `No manufacturing order has the id or code "${idOrCode}".`,
    );
  return order;
}
