import type { GraphIndex } from './graph-index.ts';

/**
 * A rework edge into a repair step that is off the main path (QC → rework → Repair → Assemble): the
 * nodes only that edge reaches (`region`), the main-path nodes the region feeds back into
 * (`rejoins`), and whether one of them is the QC step or before it, so the loop really goes back.
 */
export interface ReworkRepair {
  readonly edgeIndex: number;
  readonly qc: string;
  readonly target: string;
  readonly region: readonly string[];
  readonly rejoins: readonly string[];
  /** The first rejoin at or before the QC step; undefined when the repair never leads back. */
  readonly backTo: string | undefined;
}

const cache = new WeakMap<GraphIndex, readonly ReworkRepair[]>();

/** Forward walk from `target` over nodes the main path does not reach; what it meets on the main path. */
function walkRepair(index: GraphIndex, target: string): { region: string[]; rejoins: string[] } {
  const region = [target];
  const seen = new Set(region);
  const rejoins = new Set<string>();
  for (let i = 0; i < region.length; i++) {
    for (const { edge } of index.outgoing(region[i] as string)) {
      if (edge.kind === 'rework' || seen.has(edge.to)) continue;
      seen.add(edge.to);
      if (index.isReachable(edge.to)) rejoins.add(edge.to);
      else region.push(edge.to);
    }
  }
  return { region, rejoins: [...rejoins] };
}

/**
 * The repair loops of a graph: every rework edge from a reachable node to a node the main path does
 * not reach. Computed once per index (the reachability and rework rules both read it).
 */
export function reworkRepairs(index: GraphIndex): readonly ReworkRepair[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const repairs: ReworkRepair[] = [];
  for (const { key: qc } of index.nodes) {
    if (!index.isReachable(qc)) continue;
    for (const { index: edgeIndex, edge } of index.outgoing(qc)) {
      if (edge.kind !== 'rework' || index.isReachable(edge.to)) continue;
      const { region, rejoins } = walkRepair(index, edge.to);
      const backTo = rejoins.find((key) => key === qc || index.isUpstream(key, qc));
      repairs.push({ edgeIndex, qc, target: edge.to, region, rejoins, backTo });
    }
  }
  cache.set(index, repairs);
  return repairs;
}
