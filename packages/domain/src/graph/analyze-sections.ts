import type { GraphAdjacency, IndexedEdge } from './graph-index.ts';

/**
 * One branch of a split a token is in: the split, which of its outgoing edges the branch started
 * with, and the section around the split (`null` outside any split).
 */
export interface SectionFrame {
  readonly split: string;
  readonly branch: number;
  readonly parent: SectionFrame | null;
}

/** Where a node sits: inside a split's branch, or `null` outside any parallel section. */
export type Section = SectionFrame | null;

/** A break in the split/join nesting, turned into `UNMATCHED_SPLIT` / `UNMATCHED_JOIN` issues. */
export type SectionFinding =
  | { kind: 'end-inside-section'; split: string; end: string }
  | { kind: 'branches-merge'; node: string; splits: string[]; edgeIndexes: number[] }
  | { kind: 'join-outside-section'; join: string; edgeIndexes: number[] }
  | { kind: 'join-mixes-splits'; join: string; splits: string[]; edgeIndexes: number[] }
  | { kind: 'split-two-joins'; split: string; joins: string[] }
  | { kind: 'split-without-join'; split: string }
  | { kind: 'branch-misses-join'; split: string; join: string; edgeIndexes: number[] };

/** The split/join structure of a graph. */
export interface SectionAnalysis {
  /** The section of a node; undefined when it was not analysed (unreachable, or behind a cycle). */
  sectionOf(key: string): Section | undefined;
  /** The join that merges the branches of a split. */
  joinOfSplit(splitKey: string): string | undefined;
  /** The split whose branches a join merges. */
  splitOfJoin(joinKey: string): string | undefined;
  /** Nesting breaks found on the way, in topological order. */
  readonly sectionFindings: readonly SectionFinding[];
}

function forwardEdges(edges: readonly IndexedEdge[]): IndexedEdge[] {
  return edges.filter(({ edge }) => edge.kind !== 'rework');
}

/** Innermost split of a section, `null` meaning "outside any split". */
function splitOf(section: Section): string | null {
  return section ? section.split : null;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Walks the forward graph once in topological order, carrying each token's stack of open splits
 * (an immutable linked list, so equal sections are the same object). A split pushes one frame per
 * branch, its join pops it; everything else must see the same section on all its inputs. Linear.
 */
export function analyzeSections(adjacency: GraphAdjacency): SectionAnalysis {
  const { nodeByKey, topologicalOrder } = adjacency;
  const sections = new Map<string, Section>();
  const branchFrames = new Map<number, SectionFrame>();
  const joinOf = new Map<string, string>();
  const splitOfJoinMap = new Map<string, string>();
  const arrivals = new Map<string, Set<number>>();
  const findings: SectionFinding[] = [];
  for (const key of adjacency.startKeys) sections.set(key, null);

  // The section an edge carries a token into.
  const sectionAlong = ({ index, edge }: IndexedEdge): Section | undefined =>
    branchFrames.get(index) ?? sections.get(edge.from);

  for (const key of topologicalOrder) {
    const node = nodeByKey.get(key);
    if (!node) continue;
    const inputs = forwardEdges(adjacency.incoming(key))
      .map((edge) => ({ edge, section: sectionAlong(edge) }))
      .filter((input): input is { edge: IndexedEdge; section: Section } => input.section !== undefined);
    if (inputs.length === 0 && node.type !== 'start') continue;
    const edgeIndexes = inputs.map(({ edge }) => edge.index);
    let section: Section = inputs[0]?.section ?? null;

    if (node.type === 'join') {
      const splits = distinct(inputs.map((input) => splitOf(input.section)));
      const frame = inputs.find((input) => input.section !== null)?.section ?? null;
      if (frame === null) {
        findings.push({ kind: 'join-outside-section', join: key, edgeIndexes });
      } else if (splits.length > 1) {
        findings.push({ kind: 'join-mixes-splits', join: key, splits: splits.map((s) => s ?? 'outside'), edgeIndexes });
      } else {
        const earlier = joinOf.get(frame.split);
        if (earlier !== undefined) {
          findings.push({ kind: 'split-two-joins', split: frame.split, joins: [earlier, key] });
        } else {
          joinOf.set(frame.split, key);
          splitOfJoinMap.set(key, frame.split);
          arrivals.set(key, new Set(inputs.map((input) => (input.section as SectionFrame).branch)));
        }
      }
      section = frame ? frame.parent : null;
    } else if (distinct(inputs.map((input) => input.section)).length > 1) {
      const splits = distinct(inputs.map((input) => splitOf(input.section)));
      findings.push({ kind: 'branches-merge', node: key, splits: splits.map((s) => s ?? 'outside'), edgeIndexes });
    }
    sections.set(key, section);

    if (node.type === 'end' && section !== null) findings.push({ kind: 'end-inside-section', split: section.split, end: key });
    if (node.type === 'split') {
      forwardEdges(adjacency.outgoing(key)).forEach(({ index }, branch) => {
        branchFrames.set(index, { split: key, branch, parent: section });
      });
    }
  }

  // A split already reported above needs no second "has no join" finding.
  const reported = new Set<string>();
  for (const finding of findings) {
    if ('split' in finding) reported.add(finding.split);
    if ('splits' in finding) for (const split of finding.splits) reported.add(split);
  }
  for (const key of topologicalOrder) {
    if (nodeByKey.get(key)?.type !== 'split' || !sections.has(key) || reported.has(key)) continue;
    const join = joinOf.get(key);
    if (join === undefined) {
      findings.push({ kind: 'split-without-join', split: key });
      continue;
    }
    const arrived = arrivals.get(join) ?? new Set<number>();
    const missing = forwardEdges(adjacency.outgoing(key)).filter((_, branch) => !arrived.has(branch));
    if (missing.length > 0) findings.push({ kind: 'branch-misses-join', split: key, join, edgeIndexes: missing.map((e) => e.index) });
  }

  return {
    sectionOf: (key) => sections.get(key),
    joinOfSplit: (splitKey) => joinOf.get(splitKey),
    splitOfJoin: (joinKey) => splitOfJoinMap.get(joinKey),
    sectionFindings: findings,
  };
}
