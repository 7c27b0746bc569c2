import { actorRef, type Actor } from '../auth/actor.ts';
import type { NewEvent } from '../events/run-command.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { findGraph, type GraphRow } from './graph-read-model.ts';

/**
 * Serialises every change to one graph's versions: the first statement of each graph command
 * bumps the graph row's `updated_at`, which takes its row lock until commit. So "one draft at a
 * time" and "publish a draft" are decided one command at a time, and the graph's list entry shows
 * when it last changed.
 */
export async function lockGraph(tx: Prisma.TransactionClient, idOrCode: string): Promise<GraphRow> {
  const { id } = await findGraph(tx, idOrCode);
  await tx.routingGraph.update({ where: { id }, data: { updatedAt: new Date() }, select: { id: true } });
  // Read the versions again under the lock: a command that committed meanwhile is now visible.
  return findGraph(tx, id);
}

/** The outbox row of a graph change: `graph.*` or `graph_version.*`, keyed by graph code and version number. */
export function graphEvent(
  actor: Actor,
  type: string,
  graph: { id: string; code: string },
  version: { number: number; revision: number } | null,
  data: Readonly<Record<string, unknown>> = {},
): NewEvent {
  return {
    type,
    actor: actorRef(actor),
    data: {
      graphId: graph.id,
      code: graph.code,
      ...(version === null ? {} : { number: version.number, revision: version.revision }),
      ...data,
    },
  };
}
