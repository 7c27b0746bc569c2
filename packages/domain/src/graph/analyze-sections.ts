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
  | { kind: 'branches-merge'; node: string; splits: (string | null)[]; edgeIndexes: number[] }
  | { kind: 'join-outside-section'; join: string; edgeIndexes: number[] }
  | { kind: 'join-mixes-splits'; join: string; splits: (string | null)[]; edgeIndexes: number[] }
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

/** An edge into a node and the section it brings a token from. */
interface Input {
  edge: IndexedEdge;
  section: Section;
}

/** The distinct innermost splits of some inputs, `null` for inputs from outside any split. */
function splitsOf(inputs: readonly Input[]): (string | null)[] {
  return [...new Set(inputs.map(({ section }) => (section ? section.split : null)))];
}

/** The innermost section enclosing both (`null` when only the outside does). */
function commonSection(a: Section, b: Section): Section {
  const enclosingA = new Set<Section>();
  for (let frame = a; frame; frame = frame.parent) enclosingA.add(frame);
  for (let frame = b; frame; frame = frame.parent) if (enclosingA.has(frame)) return frame;
  return null;
}

function edgeIndexesOf(inputs: readonly Input[]): number[] {
  return inputs.map(({ edge }) => edge.index);
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

  /** Closes the split all inputs of a join come from; returns the section after the join. */
  const mergeAtJoin = (join: string, inputs: readonly Input[]): Section => {
    const frame = inputs.find((input) => input.section !== null)?.section ?? null;
    if (frame === null) {
      findings.push({ kind: 'join-outside-section', join, edgeIndexes: edgeIndexesOf(inputs) });
      return null;
    }
    const splits = splitsOf(inputs);
    if (splits.length > 1) {
      findings.push({ kind: 'join-mixes-splits', join, splits, edgeIndexes: edgeIndexesOf(inputs) });
      return frame.parent;
    }
    const earlier = joinOf.get(frame.split);
    if (earlier !== undefined) {
      findings.push({ kind: 'split-two-joins', split: frame.split, joins: [earlier, join] });
      return frame.parent;
    }
    joinOf.set(frame.split, join);
    splitOfJoinMap.set(join, frame.split);
    arrivals.set(join, new Set(inputs.map((input) => (input.section as SectionFrame).branch)));
    return frame.parent;
  };

  for (const key of topologicalOrder) {
    const node = nodeByKey.get(key);
    if (!node) continue;
    // Sections are shared objects, so comparing them by identity tells whether the inputs agree.
    const inputs: Input[] = [];
    let mixed = false;
    for (const edge of adjacency.incoming(key)) {
      if (edge.edge.kind === 'rework') continue;
      const section = sectionAlong(edge);
      if (section === undefined) continue;
      if (inputs.length > 0 && inputs[0]?.section !== section) mixed = true;
      inputs.push({ edge, section });
    }
    if (inputs.length === 0 && node.type !== 'start') continue;
    let section: Section = inputs[0]?.section ?? null;
    if (node.type === 'join') {
      section = mergeAtJoin(key, inputs);
    } else if (mixed) {
      findings.push({
        kind: 'branches-merge',
        node: key,
        splits: splitsOf(inputs),
        edgeIndexes: edgeIndexesOf(inputs),
      });
      // Carry on from where the paths agree (usually: a join was forgotten), so one mistake is one finding.
      section = inputs.reduce<Section>((common, input) => commonSection(common, input.section), section);
    }
    sections.set(key, section);

    if (node.type === 'end' && section !== null)
      findings.push({ kind: 'end-inside-section', split: section.split, end: key });
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
    if ('splits' in finding) for (const split of finding.splits) if (split !== null) reported.add(split);
  }
  for (const key of adjacency.keysOfType('split')) {
    if (!sections.has(key) || reported.has(key)) continue;
    const join = joinOf.get(key);
    if (join === undefined) {
      findings.push({ kind: 'split-without-join', split: key });
      continue;
    }
    const arrived = arrivals.get(join) ?? new Set<number>();
    const missing = forwardEdges(adjacency.outgoing(key)).filter((_, branch) => !arrived.has(branch));
    if (missing.length > 0)
      findings.push({ kind: 'branch-misses-join', split: key, join, edgeIndexes: missing.map((e) => e.index) });
  }

  return {
    sectionOf: (key) => sections.get(key),
    joinOfSplit: (splitKey) => joinOf.get(splitKey),
    splitOfJoin: (joinKey) => splitOfJoinMap.get(joinKey),
    sectionFindings: findings,
  };
}
