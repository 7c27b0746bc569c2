import { conflictOnDuplicate } from '../catalog/unique-violation.ts';
import { runCommand } from '../events/run-command.ts';
import { fromIsoDate } from './iso-date.ts';
import { nextOrderCode } from './order-code.ts';
import { orderEvent } from './order-event.ts';
import { eventActor, type ProductionContext } from './production-context.ts';
import { resolveManufacturingOrder, resolveRouting } from './resolve-order-refs.ts';

/** A new atelier job (always ATELIER); with `moId` a hybrid job finishing pieces of that MO. */
export interface CreateAtelierJobInput {
  /** Generated (`AJ-<year>-<4 digits>`) when omitted. */
  readonly code?: string | undefined;
  readonly product: string;
  readonly customer?: string | null | undefined;
  readonly quantity: number;
  readonly dueDate?: string | null | undefined;
  readonly routing: string;
  readonly priority?: number | undefined;
  /** UUID or code of the manufacturing order of a hybrid job. */
  readonly moId?: string | null | undefined;
}

/**
 * Creates a draft atelier job and its `order.created` event in one transaction; returns its id.
 * 422 `UNKNOWN_ROUTING` / `UNKNOWN_MANUFACTURING_ORDER`; 409 `ORDER_CODE_TAKEN`.
 */
export async function createAtelierJob(context: ProductionContext, input: CreateAtelierJobInput): Promise<string> {
  return runCommand(context.db, context.hub, async (tx) => {
    const graph = await resolveRouting(tx, input.routing);
    const mo = input.moId ? await resolveManufacturingOrder(tx, input.moId) : null;
    const code = input.code ?? (await nextOrderCode(tx, 'atelierJob', context.now));
    const job = await conflictOnDuplicate(
      () =>
        tx.atelierJob.create({
          data: {
            code,
            product: input.product,
            customer: input.customer ?? null,
            quantity: input.quantity,
            dueDate: fromIsoDate(input.dueDate),
            priority: input.priority ?? 0,
            moId: mo?.id ?? null,
            graphId: graph.id,
            createdAt: context.now,
            updatedAt: context.now,
          },
          select: { id: true },
        }),
      'ORDER_CODE_TAKEN',
      `The code "${code}" is already used by another atelier job.`,
    );
    const event = orderEvent('order.created', { id: job.id, code, kind: 'atelierJob' }, eventActor(context), context.now, {
      routing: graph.code,
      mo: mo?.code ?? null,
    });
    return { result: job.id, events: [event] };
  });
}
