import type { CatalogContext } from '../catalog/catalog-context.ts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { GraphVersion } from '@atelier/contracts';
import { graphEvent, lockGraph } from './graph-command.ts';
import { findVersion, toGraphVersion } from './graph-read-model.ts';

/**
 * Retires a version: no new order releases on it (a published one) or it is abandoned (a draft,
 * which frees the graph for a new draft). Tokens already pinned to it keep running to the end.
 */
export async function retireGraphVersion(
  context: CatalogContext,
  idOrCode: string,
  number: number,
): Promise<GraphVersion> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const graph = await lockGraph(tx, idOrCode);
    const version = await findVersion(tx, graph, number);
    if (version.status === 'retired')
      throw new HttpProblem(409, 'VERSION_RETIRED', `Version ${number} of ${graph.code} is retired already.`);
    await tx.graphVersion.update({
      where: { id: version.id },
      data: { status: 'retired', retiredAt: new Date() },
      select: { id: true },
    });
    const retired = await findVersion(tx, graph, number);
    return {
      result: toGraphVersion(retired, graph.code),
      events: [graphEvent(actor, 'graph_version.retired', graph, retired, { was: version.status })],
    };
  });
}
