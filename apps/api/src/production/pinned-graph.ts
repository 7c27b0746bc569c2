import { parseGraph, type RoutingGraph } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import { jsonColumn } from '../db/json-column.ts';

const graphCache = new Map<string, RoutingGraph>();

/** A graph version's body, parsed once per process: tokens only run on published (immutable) versions. */
export async function pinnedGraph(db: SqlRunner, graphVersionId: string): Promise<RoutingGraph> {
  const cached = graphCache.get(graphVersionId);
  if (cached !== undefined) return cached;
  const [version] = await db.query<{ body: unknown; status: string }>(
    'SELECT body, status::text AS status FROM graph_versions WHERE id = $1::uuid',
    [graphVersionId],
  );
  if (version === undefined) throw new Error(`Graph version ${graphVersionId} does not exist`);
  const parsed = parseGraph(jsonColumn(version.body));
  if (!parsed.ok)
    throw new Error(`Graph version ${graphVersionId} has an invalid body: ${parsed.errors[0]?.message ?? 'unknown'}`);
  if (version.status !== 'draft') graphCache.set(graphVersionId, parsed.graph);
  return parsed.graph;
}
