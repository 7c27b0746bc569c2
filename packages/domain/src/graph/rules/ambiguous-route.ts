import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

const SINGLE_EXIT = new Set(['start', 'operation', 'join']);

/** `AMBIGUOUS_ROUTE`: a piece branches only at a split, decision or QC step; other nodes have one way out. */
export const ambiguousRoute: GraphRule = (index) => {
  const issues = [];
  for (const node of index.nodes) {
    const key = node.key;
    const outgoing = index.outgoing(key);
    if (!SINGLE_EXIT.has(node.type) || outgoing.length <= 1) continue;
    issues.push(
      graphIssue(
        'AMBIGUOUS_ROUTE',
        `${nodeLabel(index, key)} has ${outgoing.length} ways out, so a piece would not know where to go. Keep one, or branch with a split (all paths) or a decision (one path).`,
        [key, ...outgoing.map(({ edge }) => edge.to)],
        outgoing.map((e) => e.index),
      ),
    );
  }
  return issues;
};
