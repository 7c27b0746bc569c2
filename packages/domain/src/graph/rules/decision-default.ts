import { conditionProblem } from '../evaluate-condition.ts';
import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';

/**
 * `DECISION_DEFAULT`: a decision has at least two ways out, each a condition edge with a sound
 * condition except exactly one default edge, so every piece has exactly one way to go.
 */
export const decisionDefault: GraphRule = (index) => {
  const issues: GraphIssue[] = [];
  for (const key of index.keysOfType('decision')) {
    const outgoing = index.outgoing(key);
    const label = nodeLabel(index, key);
    const report = (message: string, edgeIndexes: number[] = [], more: string[] = []): void =>
      void issues.push(graphIssue('DECISION_DEFAULT', message, [key, ...more], edgeIndexes));
    if (outgoing.length < 2)
      report(
        `Decision ${label} needs at least two ways out: one or more conditions and one default.`,
        outgoing.map((e) => e.index),
      );
    const defaults = outgoing.filter(({ edge }) => edge.kind === 'default');
    if (defaults.length !== 1) {
      report(
        `Decision ${label} has ${defaults.length} default paths; it needs exactly one, taken when no condition matches.`,
        defaults.map((e) => e.index),
      );
    }
    for (const { index: i, edge } of outgoing) {
      if (edge.kind === 'default') continue;
      const to = nodeLabel(index, edge.to);
      if (edge.kind !== 'condition') {
        report(
          `The ${edge.kind} path from decision ${label} to ${to} must be a condition or the default path.`,
          [i],
          [edge.to],
        );
      } else if (!edge.condition) {
        report(`The path from decision ${label} to ${to} has no condition; say which pieces take it.`, [i], [edge.to]);
      } else {
        const problem = conditionProblem(edge.condition);
        if (problem)
          report(`The condition from decision ${label} to ${to} cannot be evaluated: ${problem}.`, [i], [edge.to]);
      }
    }
  }
  return issues;
};
