import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';

/** `SKILL_UNCOVERED` (warning): a required skill level no active operator has; work there would wait. */
export const skillUncovered: GraphRule = (index, context) => {
  if (!context.operators) return [];
  const bestLevel = new Map<string, number>();
  for (const operator of context.operators) {
    if (operator.active === false) continue;
    for (const { code, level } of operator.skills) bestLevel.set(code, Math.max(level, bestLevel.get(code) ?? 0));
  }
  const issues: GraphIssue[] = [];
  for (const node of index.nodes) {
    const key = node.key;
    for (const skill of node.config?.skills ?? []) {
      if ((bestLevel.get(skill.code) ?? 0) >= skill.minLevel) continue;
      issues.push(
        graphIssue(
          'SKILL_UNCOVERED',
          `${nodeLabel(index, key)} needs skill "${skill.code}" at level ${skill.minLevel}, but no active operator has it; its work would wait.`,
          [key],
        ),
      );
    }
  }
  return issues;
};
