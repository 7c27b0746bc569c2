import { createOrder, type CreateOrderInput } from './create-order.ts';
import type { ProductionContext } from './production-context.ts';

/** A new manufacturing order. There is no production type: an MO is OEM by construction. */
export interface CreateManufacturingOrderInput extends CreateOrderInput {
  readonly client: string;
  readonly quantity: number;
}

/**
 * Creates a draft manufacturing order and its `order.created` event in one transaction; returns its
 * id. 422 `UNKNOWN_ROUTING`; 409 `ORDER_CODE_TAKEN` when the code is in use.
 */
export function createManufacturingOrder(
  context: ProductionContext,
  input: CreateManufacturingOrderInput,
): Promise<string> {
  return createOrder(context, { kind: 'manufacturingOrder', noun: 'manufacturing order' }, input, (tx, columns) =>
    tx.manufacturingOrder.create({
      data: { ...columns, client: input.client, targetQuantity: input.quantity },
      select: { id: true },
    }),
  );
}
