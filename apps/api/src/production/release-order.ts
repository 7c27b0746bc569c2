import { randomUUID } from 'node:crypto';
import { orderCan, releasePiece, type TokenAttributes } from '@atelier/domain';
import { runCommand } from '../events/run-command.ts';
import type { OrderStatus } from '../generated/prisma/enums.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { OrderKind } from '@atelier/contracts';
import { latestPublishedVersion } from './latest-published-version.ts';
import { mergeEffects } from './merge-effects.ts';
import { orderEvent } from './order-event.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { persistEffects } from './persist-effects.ts';
import type { OrderRef, Tx } from './piece-store.ts';
import { eventActor, type ProductionContext } from './production-context.ts';

/** Which order to release, and the attributes every piece starts with (decisions route on them). */
export interface ReleaseOrderInput {
  readonly kind: OrderKind;
  readonly idOrCode: string;
  readonly attributes?: TokenAttributes | undefined;
}

/** What a release did. */
export interface ReleaseOrderResult {
  readonly orderId: string;
  readonly graphVersion: { readonly id: string; readonly number: number };
  readonly pieces: number;
}

const NOT_FOUND: Record<OrderKind, [code: string, noun: string]> = {
  manufacturingOrder: ['MANUFACTURING_ORDER_NOT_FOUND', 'manufacturing order'],
  atelierJob: ['ATELIER_JOB_NOT_FOUND', 'atelier job'],
};

interface LockedOrder extends OrderRef {
  readonly graphId: string;
  readonly quantity: number;
}

/** Reads the order row `FOR UPDATE`: of two concurrent releases, the second sees the first's result. */
async function lockOrder(tx: Tx, kind: OrderKind, idOrCode: string): Promise<LockedOrder> {
  const where = byIdOrCode(idOrCode);
  const [table, quantity] =
    kind === 'manufacturingOrder' ? ['manufacturing_orders', 'target_quantity'] : ['atelier_jobs', 'quantity'];
  const [column, value] = 'id' in where ? ['id', where.id] : ['code', where.code];
  const [row] = await tx.$queryRawUnsafe<
    { id: string; code: string; status: string; graph_id: string; quantity: number; priority: number }[]
  >(
    `SELECT id::text AS id, code, status::text AS status, graph_id::text AS graph_id, ${quantity} AS quantity, priority
       FROM ${table} WHERE ${column} = $1${column === 'id' ? '::uuid' : ''} FOR UPDATE`,
    value,
  );
  if (row === undefined) {
    const [code, noun] = NOT_FOUND[kind];
    throw new HttpProblem(404, code, `No ${noun} has the id or code "${idOrCode}".`);
  }
  return {
    id: row.id,
    code: row.code,
    kind,
    priority: row.priority,
    status: row.status as OrderStatus,
    graphId: row.graph_id,
    quantity: row.quantity,
  };
}

/** `MO-2026-0012` and 7 → `MO-2026-0012-007`. */
export function pieceSerial(orderCode: string, n: number): string {
  return `${orderCode}-${String(n).padStart(3, '0')}`;
}

/**
 * Releases a draft order: one token per piece of its quantity, pinned to the routing's newest
 * published version, each routed by the domain to its first work step(s), with every work item
 * and event, in ONE transaction (batch inserts). 409 `ORDER_ALREADY_RELEASED` unless the order is
 * a draft; 422 `NO_PUBLISHED_VERSION` when the routing has none.
 */
export async function releaseOrder(context: ProductionContext, input: ReleaseOrderInput): Promise<ReleaseOrderResult> {
  const { now } = context;
  return runCommand(
    context,
    async (tx) => {
      const order = await lockOrder(tx, input.kind, input.idOrCode);
      if (!orderCan(order.status, 'release')) {
        throw new HttpProblem(
          409,
          'ORDER_ALREADY_RELEASED',
          `${order.code} is ${order.status.replace('_', ' ')}; only a draft order can be released.`,
          {
            status: order.status,
          },
        );
      }
      const version = await latestPublishedVersion(tx, order.graphId);
      if (version === null) {
        throw new HttpProblem(
          422,
          'NO_PUBLISHED_VERSION',
          `The routing of ${order.code} has no published version yet; publish one, then release.`,
        );
      }
      const attributes = input.attributes ?? {};
      const steps = Array.from({ length: order.quantity }, (_, index) =>
        releasePiece(version.graph, {
          tokenId: randomUUID(),
          serial: pieceSerial(order.code, index + 1),
          orderId: order.id,
          attributes,
          now,
          newId: randomUUID,
        }),
      );
      const actor = eventActor(context);
      const released = orderEvent('order.released', order, actor, now, {
        graphVersion: version.number,
        pieces: order.quantity,
      });
      // New pieces only: nothing to guard, nothing finished to settle.
      await persistEffects(prismaRunner(tx), mergeEffects(steps), {
        actor,
        now,
        pieces: [],
        placeNewPiece: () => ({ order, version }),
        eventsBefore: [released],
      });
      const data = {
        status: 'released' as const,
        graphVersionId: version.graphVersionId,
        releasedAt: now,
        updatedAt: now,
      };
      if (input.kind === 'manufacturingOrder') await tx.manufacturingOrder.update({ where: { id: order.id }, data });
      else await tx.atelierJob.update({ where: { id: order.id }, data });
      return {
        result: {
          orderId: order.id,
          graphVersion: { id: version.graphVersionId, number: version.number },
          pieces: order.quantity,
        },
        events: [],
        recorded: true,
      };
    },
    // A large order writes thousands of rows in this one transaction.
    { timeoutMs: 60_000 },
  );
}
