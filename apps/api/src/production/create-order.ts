import { conflictOnDuplicate } from '../catalog/unique-violation.ts';
import { runCommand } from '../events/run-command.ts';
import type { OrderKind } from '@atelier/contracts';
import { fromIsoDate } from './iso-date.ts';
import { nextOrderCode } from './order-code.ts';
import { orderEvent } from './order-event.ts';
import type { Tx } from './piece-store.ts';
import { eventActor, type ProductionContext } from './production-context.ts';
import { resolveRouting } from './resolve-order-refs.ts';

/** What creating either kind of order takes. */
export interface CreateOrderInput {
  /** Generated (`MO-…` / `AJ-<year>-<4 digits>`, the next free number) when omitted. */
  readonly code?: string | undefined;
  readonly product: string;
  /** `YYYY-MM-DD`. */
  readonly dueDate?: string | null | undefined;
  /** The routing graph's UUID or code. */
  readonly routing: string;
  readonly priority?: number | undefined;
}

/** The columns both order tables share, as {@link createOrder} fills them. */
export interface OrderColumns {
  readonly code: string;
  readonly product: string;
  readonly dueDate: Date | null;
  readonly priority: number;
  readonly graphId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Inserts one order row from the shared columns plus the kind's own; `eventData` joins `order.created`. */
export type InsertOrderRow = (
  tx: Tx,
  columns: OrderColumns,
) => Promise<{ readonly id: string; readonly eventData?: Record<string, unknown> }>;

/**
 * Creates a draft order of `kind` and its `order.created` event in one transaction; returns its
 * id. 422 `UNKNOWN_ROUTING` (and whatever `insertRow` refuses); 409 `ORDER_CODE_TAKEN` when the
 * code is in use by another order of that kind (`noun` names it in the message).
 */
export async function createOrder(
  context: ProductionContext,
  { kind, noun }: { readonly kind: OrderKind; readonly noun: string },
  input: CreateOrderInput,
  insertRow: InsertOrderRow,
): Promise<string> {
  return runCommand(context, async (tx) => {
    const graph = await resolveRouting(tx, input.routing);
    const code = input.code ?? (await nextOrderCode(tx, kind, context.now));
    const columns: OrderColumns = {
      code,
      product: input.product,
      dueDate: fromIsoDate(input.dueDate),
      priority: input.priority ?? 0,
      graphId: graph.id,
      createdAt: context.now,
      updatedAt: context.now,
    };
    const order = await conflictOnDuplicate(
      () => insertRow(tx, columns),
      'ORDER_CODE_TAKEN',
      `The code "${code}" is already used by another ${noun}.`,
    );
    const event = orderEvent('order.created', { id: order.id, code, kind }, eventActor(context), context.now, {
      routing: graph.code,
      ...order.eventData,
    });
    return { result: order.id, events: [event] };
  });
}
