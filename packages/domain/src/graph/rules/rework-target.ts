import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';
import { reworkRepairs } from '../rework-repairs.ts';

const WORK_STEPS = new Set(['operation', 'qc']);

/**
 * `REWORK_TARGET`: a rework edge leaves a QC step, goes back to an earlier work step in the same
 * parallel section (never into or out of a split…join), and has a pass limit of at least 1. The
 * target may be a repair step off the main path when its path leads back to the QC step or before it.
 */
export const reworkTarget: GraphRule = (index) => {
  const issues: GraphIssue[] = [];
  const repairs = new Map(reworkRepairs(index).map((repair) => [repair.edgeIndex, repair]));
  for (const node of index.nodes) {
    const from = node.key;
    for (const { index: i, edge } of index.outgoing(from)) {
      if (edge.kind !== 'rework') continue;
      const to = edge.to;
      const route = `Rework from ${nodeLabel(index, from)} to ${nodeLabel(index, to)}`;
      const report = (why: string): void =>
        void issues.push(graphIssue('REWORK_TARGET', `${route} ${why}`, [from, to], [i]));
      if (node.type !== 'qc') report(`starts at a ${node.type} node; only a QC step can send a piece back.`);
      if (edge.maxPasses === undefined || edge.maxPasses < 1) report('needs a maximum number of passes of 1 or more.');
      const target = index.nodeByKey.get(to);
      if (target && !WORK_STEPS.has(target.type)) {
        report(`goes to a ${target.type} node; it must go back to a work step (operation or QC).`);
        continue;
      }
      const repair = repairs.get(i);
      if (repair && repair.backTo === undefined) {
        report(
          `does not go back: no path leads from ${nodeLabel(index, to)} to ${nodeLabel(index, from)} or a step before it.`,
        );
        continue;
      }
      // A repair loop re-enters the main path at `backTo`: that is where it must stay in the QC's section.
      const entry = repair?.backTo ?? to;
      const fromSection = index.sectionOf(from);
      const toSection = index.sectionOf(entry);
      if (fromSection === undefined || toSection === undefined) continue;
      if (fromSection !== toSection) {
        report('jumps into or out of a parallel section; rework must stay on the same side of a split and join.');
      } else if (!repair && !index.isUpstream(to, from)) {
        report('does not go back: the target is not before the QC step on any path.');
      }
    }
  }
  return issues;
};
