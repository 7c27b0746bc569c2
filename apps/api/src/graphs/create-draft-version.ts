import type { CatalogContext } from '../catalog/catalog-context.ts';
import { runCommand } from '../events/run-command.ts';
import type { GraphVersion } from '@atelier/contracts';
import { lockGraph } from './graph-command.ts';
import { findVersion, toGraphVersion, versionBody } from './graph-read-model.ts';
import { insertDraft } from './graph-writes.ts';

/**
 * Opens the next version of a graph as a draft, copied from version `from` (default: the newest
 * version, whatever its status). 409 `DRAFT_EXISTS` while another draft is open.
 */
export async function createDraftVersion(
  context: CatalogContext,
  idOrCode: string,
  from?: number,
): Promise<GraphVersion> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const graph = await lockGraph(tx, idOrCode);
    const source = await findVersion(tx, graph, from ?? graph.versions[0]?.number ?? 1);
    const draft = await insertDraft(tx, actor, graph, versionBody(source), { kind: 'copy', from: source.number });
    return { result: toGraphVersion(await findVersion(tx, graph, draft.number), graph.code), events: draft.events };
  });
}
