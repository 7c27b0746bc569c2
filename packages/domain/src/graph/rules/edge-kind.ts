import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';

/**
 * `EDGE_KIND`: pass/fail edges leave QC steps only, condition/default edges leave decisions only,
 * and a condition or pass limit sits only on the kind of edge that uses it. (Rework edges out of a
 * non-QC node are `REWORK_TARGET`; wrong kinds out of QC steps and decisions are their own rules.)
 */
export const edgeKind: GraphRule = (index) => {
  const issues: GraphIssue[] = [];
  for (const node of index.nodes) {
    const from = node.key;
    for (const { index: i, edge } of index.outgoing(from)) {
      const problems: string[] = [];
      if ((edge.kind === 'pass' || edge.kind === 'fail') && node.type !== 'qc')
        problems.push('is only possible out of a QC step; use a normal connection.');
      if ((edge.kind === 'condition' || edge.kind === 'default') && node.type !== 'decision') {
        problems.push('is only possible out of a decision; use a normal connection.');
      }
      if (edge.condition && edge.kind !== 'condition')
        problems.push('carries a condition, which only a condition path uses.');
      if (edge.maxPasses !== undefined && edge.kind !== 'rework')
        problems.push('carries a pass limit, which only a rework path uses.');
      // Messages are worded only for the rare bad edge: this rule runs over every edge on every edit.
      for (const why of problems) {
        const route = `The ${edge.kind} connection from ${nodeLabel(index, from)} to ${nodeLabel(index, edge.to)}`;
        issues.push(graphIssue('EDGE_KIND', `${route} ${why}`, [from, edge.to], [i]));
      }
    }
  }
  return issues;
};
