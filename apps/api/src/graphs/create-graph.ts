import type { RoutingGraph } from '@atelier/domain';
import type { CatalogContext } from '../catalog/catalog-context.ts';
import { runCommand } from '../events/run-command.ts';
import type { GraphDetail } from '@atelier/contracts';
import { findGraph, toGraphDetail } from './graph-read-model.ts';
import { insertDraft, insertGraph, starterBody } from './graph-writes.ts';
import { assertGraphCode } from './parse-routing-body.ts';

/** A new routing graph: code, name and optionally the body of its first draft. */
export interface CreateGraphInput {
  readonly code: string;
  readonly name: string;
  readonly body?: RoutingGraph | undefined;
}

/** Creates a routing graph with draft v1 (the given body, or a start wired to an end), in one transaction. */
export async function createGraph(
  context: CatalogContext,
  { code, name, body }: CreateGraphInput,
): Promise<GraphDetail> {
  const { actor } = context;
  if (body !== undefined) assertGraphCode(body, code);
  return runCommand(context, async (tx) => {
    const graph = await insertGraph(tx, actor, code, name);
    const draft = await insertDraft(tx, actor, { ...graph, versions: [] }, body ?? starterBody(code, name), {
      kind: 'new',
    });
    return { result: toGraphDetail(await findGraph(tx, graph.id)), events: [...graph.events, ...draft.events] };
  });
}
