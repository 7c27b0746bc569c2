import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel, nodeLabels } from '../graph-issue.ts';

/** `START_COUNT`: exactly one start node, and nothing leads back into it. */
export const startCount: GraphRule = (index) => {
  const starts = index.startKeys;
  const issues = [];
  if (starts.length === 0)
    issues.push(graphIssue('START_COUNT', 'The routing has no Start node; add one where pieces enter.'));
  if (starts.length > 1) {
    issues.push(
      graphIssue(
        'START_COUNT',
        `The routing has ${starts.length} Start nodes (${nodeLabels(index, starts)}); keep exactly one.`,
        starts,
      ),
    );
  }
  for (const key of starts) {
    const incoming = index.incoming(key);
    if (incoming.length > 0) {
      issues.push(
        graphIssue(
          'START_COUNT',
          `${nodeLabel(index, key)} has incoming connections; pieces only enter at Start, nothing may lead into it.`,
          [key, ...incoming.map(({ edge }) => edge.from)],
          incoming.map((e) => e.index),
        ),
      );
    }
  }
  return issues;
};
