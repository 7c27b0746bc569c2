import type { SectionFinding } from '../analyze-sections.ts';
import type { GraphIndex } from '../graph-index.ts';
import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel, nodeLabels } from '../graph-issue.ts';
import type { GraphIssue } from '../graph-issue.ts';

/** `null` stands for "outside any split". */
function splitNames(index: GraphIndex, splits: readonly (string | null)[]): string {
  return splits.map((s) => (s === null ? 'outside any split' : `split ${nodeLabel(index, s)}`)).join(' and ');
}

const realSplits = (splits: readonly (string | null)[]): string[] => splits.filter((s): s is string => s !== null);

function toIssue(index: GraphIndex, finding: SectionFinding): GraphIssue {
  switch (finding.kind) {
    case 'end-inside-section':
      return graphIssue(
        'UNMATCHED_SPLIT',
        `A branch of split ${nodeLabel(index, finding.split)} reaches End ${nodeLabel(index, finding.end)} before its join; every branch must meet again at the join.`,
        [finding.split, finding.end],
      );
    case 'branches-merge': {
      const [only, ...others] = finding.splits;
      return graphIssue(
        'UNMATCHED_SPLIT',
        others.length === 0 && typeof only === 'string'
          ? `Branches of split ${nodeLabel(index, only)} meet at ${nodeLabel(index, finding.node)}, which is not a join; add a join where they come together.`
          : `Paths from ${splitNames(index, finding.splits)} meet at ${nodeLabel(index, finding.node)}; only a join may bring the branches of a split back together.`,
        [finding.node, ...realSplits(finding.splits)],
        finding.edgeIndexes,
      );
    }
    case 'split-without-join':
      return graphIssue(
        'UNMATCHED_SPLIT',
        `The branches of split ${nodeLabel(index, finding.split)} never meet again; add a join.`,
        [finding.split],
      );
    case 'branch-misses-join':
      return graphIssue(
        'UNMATCHED_SPLIT',
        `Not every branch of split ${nodeLabel(index, finding.split)} reaches join ${nodeLabel(index, finding.join)}; the join would wait forever.`,
        [finding.split, finding.join],
        finding.edgeIndexes,
      );
    case 'join-outside-section':
      return graphIssue(
        'UNMATCHED_JOIN',
        `Join ${nodeLabel(index, finding.join)} merges paths that do not come from a parallel split; use a join only to close a split.`,
        [finding.join],
        finding.edgeIndexes,
      );
    case 'join-mixes-splits':
      return graphIssue(
        'UNMATCHED_JOIN',
        `Join ${nodeLabel(index, finding.join)} merges branches from ${splitNames(index, finding.splits)}; a join closes exactly one split.`,
        [finding.join, ...realSplits(finding.splits)],
        finding.edgeIndexes,
      );
    case 'split-two-joins':
      return graphIssue(
        'UNMATCHED_JOIN',
        `The branches of split ${nodeLabel(index, finding.split)} end at several joins (${nodeLabels(index, finding.joins)}); they must all meet at one join.`,
        [finding.split, ...finding.joins],
      );
  }
}

/**
 * `UNMATCHED_SPLIT` / `UNMATCHED_JOIN`: splits and joins are well nested. The index finds the
 * breaks in its one pass; this rule words them for the designer.
 */
export const unmatchedSplitJoin: GraphRule = (index) => index.sectionFindings.map((finding) => toIssue(index, finding));
