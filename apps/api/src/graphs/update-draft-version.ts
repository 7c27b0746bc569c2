import type { RoutingGraph } from '@atelier/domain';
import type { CatalogContext } from '../catalog/catalog-context.ts';
import { runCommand } from '../events/run-command.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { GraphVersion } from '@atelier/contracts';
import { graphEvent } from './graph-command.ts';
import { findGraph, findVersionSummary, toVersionSummary } from './graph-read-model.ts';
import { assertGraphCode } from './parse-routing-body.ts';
import { assertDraft } from './version-preconditions.ts';

/**
 * Replaces the body of a draft, if the caller saw its current revision (optimistic concurrency:
 * the update only matches that revision, so of two editors racing one wins and the other gets a
 * 412 with the current revision to reload).
 */
export async function updateDraftVersion(
  context: CatalogContext,
  idOrCode: string,
  number: number,
  expectedRevision: number,
  body: RoutingGraph,
): Promise<GraphVersion> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const graph = await findGraph(tx, idOrCode);
    assertGraphCode(body, graph.code);
    const version = await findVersionSummary(tx, graph, number);
    const { count } = await tx.graphVersion.updateMany({
      where: { id: version.id, status: 'draft', revision: expectedRevision },
      data: { body: body as unknown as Prisma.InputJsonObject, revision: { increment: 1 } },
    });
    if (count === 0) {
      const current = await findVersionSummary(tx, graph, number);
      assertDraft(current);
      throw new HttpProblem(
        412,
        'REVISION_MISMATCH',
        `Draft v${number} is at revision ${current.revision}, not ${expectedRevision}: someone saved it meanwhile. Reload it and apply your change again.`,
        { currentRevision: current.revision },
      );
    }
    // The body just written is known: read back only the columns the update changed.
    const updated = await findVersionSummary(tx, graph, number);
    return {
      result: { ...toVersionSummary(updated), graphId: graph.id, code: graph.code, body },
      events: [graphEvent(actor, 'graph_version.updated', graph, updated)],
    };
  });
}
