import { conditionProblem, evaluateCondition } from '../evaluate-condition.ts';
import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';
import type { EdgeCondition } from '../graph-schema.ts';

/** Stands for "any value neither condition names", e.g. what satisfies two `neq`s at once. */
const OTHER_VALUE = '\u0000other';

/**
 * Can one attribute value satisfy both conditions? Each condition accepts a set, an interval or
 * the complement of a set, so if they intersect they share one of these witnesses: a named value,
 * a point just beyond a numeric bound, a midpoint between two bounds, or an unnamed value.
 */
function overlap(a: EdgeCondition, b: EdgeCondition): boolean {
  const named = [a.value, b.value].flat();
  const numbers = named
    .map(Number)
    .filter((n, i) => Number.isFinite(n) && typeof named[i] !== 'boolean')
    .sort((x, y) => x - y);
  const witnesses: unknown[] = [...named, OTHER_VALUE];
  numbers.forEach((n, i) => {
    witnesses.push(n - 1, n + 1);
    const next = numbers[i + 1];
    if (next !== undefined) witnesses.push((n + next) / 2);
  });
  return witnesses.some(
    (value) => evaluateCondition(a, { [a.attribute]: value }) && evaluateCondition(b, { [b.attribute]: value }),
  );
}

/** `DECISION_OVERLAP` (warning): two conditions of a decision can hold for the same piece. */
export const decisionOverlap: GraphRule = (index) => {
  const issues: GraphIssue[] = [];
  for (const key of index.keysOfType('decision')) {
    const conditional = index
      .outgoing(key)
      .filter(({ edge }) => edge.kind === 'condition' && edge.condition && !conditionProblem(edge.condition));
    conditional.forEach((first, i) => {
      for (const second of conditional.slice(i + 1)) {
        const a = first.edge.condition as EdgeCondition;
        const b = second.edge.condition as EdgeCondition;
        if (a.attribute !== b.attribute || !overlap(a, b)) continue;
        issues.push(
          graphIssue(
            'DECISION_OVERLAP',
            `At decision ${nodeLabel(index, key)} a piece can match both the path to ${nodeLabel(index, first.edge.to)} and the path to ${nodeLabel(index, second.edge.to)}; only the first matching path is taken.`,
            [key, first.edge.to, second.edge.to],
            [first.index, second.index],
          ),
        );
      }
    });
  }
  return issues;
};
