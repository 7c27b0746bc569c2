import { conflictOnDuplicate } from '../catalog/unique-violation.ts';
import { runCommand } from '../events/run-command.ts';
import { fromIsoDate } from './iso-date.ts';
import { nextOrderCode } from './order-code.ts';
import { orderEvent } from './order-event.ts';
import { eventActor, type ProductionContext } from './production-context.ts';
import { resolveRouting } from './resolve-order-refs.ts';

/** A new manufacturing order. There is no production type: an MO is OEM by construction. */
export interface CreateManufacturingOrderInput {
  /** Generated (`MO-<year>-<4 digits>`, the next free number) when omitted. */
  readonly code?: string | undefined;
  readonly product: string;
  readonly client: string;
  readonly quantity: number;
  /** `YYYY-MM-DD`. */
  readonly dueDate?: string | null | undefined;
  /** The routing graph's UUID or code. */
  readonly routing: string;
  readonly priority?: number | undefined;
}

/**
 * Creates a draft manufacturing order and its `order.created` event in one transaction; returns its
 * id. 422 `UNKNOWN_ROUTING`; 409 `ORDER_CODE_TAKEN` when the code is in use.
 */
export async function createManufacturingOrder(context: ProductionContext, input: CreateManufacturingOrderInput): Promise<string> {
  return runCommand(context.db, context.hub, async (tx) => {
    const graph = await resolveRouting(tx, input.routing);
    const code = input.code ?? (await nextOrderCode(tx, 'manufacturingOrder', context.now));
    const order = await conflictOnDuplicate(
      () =>
        tx.manufacturingOrder.create({
          data: {
            code,
            product: input.product,
            client: input.client,
            targetQuantity: input.quantity,
            dueDate: fromIsoDate(input.dueDate),
            priority: input.priority ?? 0,
            graphId: graph.id,
            createdAt: context.now,
            updatedAt: context.now,
          },
          select: { id: true },
        }),
      'ORDER_CODE_TAKEN',
      `The code "${code}" is already used by another manufacturing order.`,
    );
    const event = orderEvent('order.created', { id: order.id, code, kind: 'manufacturingOrder' }, eventActor(context), context.now, { routing: graph.code });
    return { result: order.id, events: [event] };
  });
}
