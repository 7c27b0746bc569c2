import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';
import type { NodeConfig } from '../graph-schema.ts';

/** What is wrong with a work step's config; a QC step's config is optional, so only given values count. */
function configProblems(config: NodeConfig, required: boolean): string[] {
  const problems: string[] = [];
  if (required && !config.workCenter) problems.push('a work center');
  if ((required || config.standardMinutes !== undefined) && !((config.standardMinutes ?? 0) > 0)) {
    problems.push('standard minutes above 0');
  }
  const min = config.minOperators ?? 1;
  const max = config.maxOperators ?? Math.max(min, 1);
  if (min < 1) problems.push('at least 1 operator');
  if (max < min) problems.push(`a maximum of operators (${max}) not below the minimum (${min})`);
  return problems;
}

/** `OPERATION_CONFIG`: an operation has a work center, standard minutes > 0 and 1 ≤ min ≤ max operators. */
export const operationConfig: GraphRule = (index) => {
  const issues: GraphIssue[] = [];
  for (const node of index.nodes) {
    const key = node.key;
    if (node.type !== 'operation' && node.type !== 'qc') continue;
    const problems = configProblems(node.config ?? {}, node.type === 'operation');
    if (problems.length > 0) {
      issues.push(graphIssue('OPERATION_CONFIG', `${nodeLabel(index, key)} needs ${problems.join(', ')}.`, [key]));
    }
  }
  return issues;
};
