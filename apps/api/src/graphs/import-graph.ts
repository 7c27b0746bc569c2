import type { RoutingGraph } from '@atelier/domain';
import type { CatalogContext } from '../catalog/catalog-context.ts';
import { runCommand } from '../events/run-command.ts';
import type { GraphSummary, GraphVersion } from '@atelier/contracts';
import { lockGraph } from './graph-command.ts';
import { findGraph, findVersion, toGraphSummary, toGraphVersion } from './graph-read-model.ts';
import { insertDraft, insertGraph } from './graph-writes.ts';

/** What an import did. */
export interface ImportResult {
  /** True when the code was new and a graph was created. */
  readonly created: boolean;
  readonly graph: GraphSummary;
  readonly version: GraphVersion;
}

/**
 * Imports a routing-graph/v1 document: a new code creates the graph with the document as draft
 * v1; a known code gets it as its next draft (409 `DRAFT_EXISTS` while one is open). Imports are
 * drafts, never published: publishing validates against this factory.
 */
export async function importGraph(context: CatalogContext, body: RoutingGraph): Promise<ImportResult> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const existing = await tx.routingGraph.findUnique({ where: { code: body.code }, select: { id: true } });
    const created = existing === null;
    const inserted = created ? await insertGraph(tx, actor, body.code, body.name) : null;
    const graph = await lockGraph(tx, existing?.id ?? (inserted?.id as string));
    const draft = await insertDraft(tx, actor, graph, body, { kind: 'import' });
    const version = await findVersion(tx, graph, draft.number);
    return {
      result: {
        created,
        graph: toGraphSummary(await findGraph(tx, graph.id)),
        version: toGraphVersion(version, graph.code),
      },
      events: [...(inserted?.events ?? []), ...draft.events],
    };
  });
}
