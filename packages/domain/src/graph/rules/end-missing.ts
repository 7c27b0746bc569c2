import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

/** `END_MISSING`: at least one end node, and end nodes lead nowhere. */
export const endMissing: GraphRule = (index) => {
  const issues = [];
  if (index.endKeys.length === 0)
    issues.push(graphIssue('END_MISSING', 'The routing has no End node; add one where finished pieces leave.'));
  for (const key of index.endKeys) {
    const outgoing = index.outgoing(key);
    if (outgoing.length > 0) {
      issues.push(
        graphIssue(
          'END_MISSING',
          `${nodeLabel(index, key)} is an End but has outgoing connections; a piece that reaches an End is finished.`,
          [key, ...outgoing.map(({ edge }) => edge.to)],
          outgoing.map((e) => e.index),
        ),
      );
    }
  }
  return issues;
};
