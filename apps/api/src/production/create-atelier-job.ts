import { createOrder, type CreateOrderInput } from './create-order.ts';
import type { ProductionContext } from './production-context.ts';
import { resolveManufacturingOrder } from './resolve-order-refs.ts';

/** A new atelier job (always ATELIER); with `moId` a hybrid job finishing pieces of that MO. */
export interface CreateAtelierJobInput extends CreateOrderInput {
  readonly customer?: string | null | undefined;
  readonly quantity: number;
  /** UUID or code of the manufacturing order of a hybrid job. */
  readonly moId?: string | null | undefined;
}

/**
 * Creates a draft atelier job and its `order.created` event in one transaction; returns its id.
 * 422 `UNKNOWN_ROUTING` / `UNKNOWN_MANUFACTURING_ORDER`; 409 `ORDER_CODE_TAKEN`.
 */
export function createAtelierJob(context: ProductionContext, input: CreateAtelierJobInput): Promise<string> {
  return createOrder(context, { kind: 'atelierJob', noun: 'atelier job' }, input, async (tx, columns) => {
    const mo = input.moId ? await resolveManufacturingOrder(tx, input.moId) : null;
    const job = await tx.atelierJob.create({
      data: { ...columns, customer: input.customer ?? null, quantity: input.quantity, moId: mo?.id ?? null },
      select: { id: true },
    });
    return { id: job.id, eventData: { mo: mo?.code ?? null } };
  });
}
