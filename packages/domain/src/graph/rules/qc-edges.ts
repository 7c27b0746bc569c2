import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';

/**
 * `QC_EDGES`: an inspection has exactly one pass path and at least one fail or rework path. Several
 * rework paths are fine (minor rework to edge painting, major to stitching: the inspector picks one);
 * more than one fail path would leave the inspector's result ambiguous.
 */
export const qcEdges: GraphRule = (index) => {
  const issues: GraphIssue[] = [];
  for (const key of index.keysOfType('qc')) {
    const outgoing = index.outgoing(key);
    const label = nodeLabel(index, key);
    const ofKind = (kind: string) => outgoing.filter(({ edge }) => edge.kind === kind);
    const report = (message: string, edges = outgoing): void =>
      void issues.push(
        graphIssue(
          'QC_EDGES',
          message,
          [key],
          edges.map((e) => e.index),
        ),
      );
    const pass = ofKind('pass');
    const fail = ofKind('fail');
    const rework = ofKind('rework');
    if (pass.length !== 1) report(`QC step ${label} needs exactly one pass path (it has ${pass.length}).`, pass);
    if (fail.length + rework.length === 0)
      report(`QC step ${label} needs a fail or rework path for pieces that do not pass.`);
    if (fail.length > 1) report(`QC step ${label} has ${fail.length} fail paths; keep one.`, fail);
    const other = outgoing.filter(({ edge }) => edge.kind !== 'pass' && edge.kind !== 'fail' && edge.kind !== 'rework');
    if (other.length > 0) report(`Paths out of QC step ${label} must be pass, fail or rework.`, other);
  }
  return issues;
};
