import type { Prisma } from '../generated/prisma/client.ts';
import type { NewEvent } from './new-event.ts';

/**
 * Inserts event rows inside the caller's transaction, in list order (their `seq` follows that
 * order). The rows become visible to readers only when the transaction commits.
 */
export async function appendEvents(tx: Prisma.TransactionClient, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.event.createMany({
    data: events.map((event) => ({
      type: event.type,
      at: event.at,
      actor: event.actor ?? null,
      orderId: event.orderId ?? null,
      tokenId: event.tokenId ?? null,
      workItemId: event.workItemId ?? null,
      nodeKey: event.nodeKey ?? null,
      workCenterId: event.workCenterId ?? null,
      operatorId: event.operatorId ?? null,
      data: event.data as Prisma.InputJsonObject,
    })),
  });
}
