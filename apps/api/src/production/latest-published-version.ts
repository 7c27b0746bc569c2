import { prismaRunner } from '../db/prisma-runner.ts';
import { pinnedGraph } from './pinned-graph.ts';
import type { PinnedVersion, Tx } from './piece-store.ts';

/** The newest published version of a routing graph, or null when none is published. */
export async function latestPublishedVersion(
  tx: Tx,
  graphId: string,
): Promise<(PinnedVersion & { number: number }) | null> {
  const version = await tx.graphVersion.findFirst({
    where: { graphId, status: 'published' },
    orderBy: { number: 'desc' },
    select: { id: true, number: true },
  });
  if (version === null) return null;
  return { graphVersionId: version.id, number: version.number, graph: await pinnedGraph(prismaRunner(tx), version.id) };
}
