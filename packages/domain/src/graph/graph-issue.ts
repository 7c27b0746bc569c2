import type { GraphIndex } from './graph-index.ts';

/** Severity of a finding: an `error` blocks publishing, a `warning` does not. */
export type IssueSeverity = 'error' | 'warning';

/**
 * Every finding code with its severity. The codes are stable: the designer, the API and CI scripts
 * match on them. `EDGE_KIND` is ours on top of SPEC §2 (an edge kind its source node cannot emit).
 */
export const ISSUE_SEVERITY = {
  START_COUNT: 'error',
  END_MISSING: 'error',
  UNREACHABLE_NODE: 'error',
  DEAD_END: 'error',
  CYCLE: 'error',
  REWORK_TARGET: 'error',
  SPLIT_ARITY: 'error',
  JOIN_ARITY: 'error',
  UNMATCHED_SPLIT: 'error',
  UNMATCHED_JOIN: 'error',
  DECISION_DEFAULT: 'error',
  QC_EDGES: 'error',
  OPERATION_CONFIG: 'error',
  UNKNOWN_REFERENCE: 'error',
  DUPLICATE_KEY: 'error',
  DUPLICATE_EDGE: 'error',
  SELF_LOOP: 'error',
  EDGE_ENDPOINT: 'error',
  AMBIGUOUS_ROUTE: 'error',
  EDGE_KIND: 'error',
  SKILL_UNCOVERED: 'warning',
  WORK_CENTER_NO_CAPACITY: 'warning',
  DECISION_OVERLAP: 'warning',
} as const satisfies Record<string, IssueSeverity>;

/** A finding code. */
export type IssueCode = keyof typeof ISSUE_SEVERITY;

/** One validation finding, with what the designer should highlight. */
export interface GraphIssue {
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
  nodeKeys: string[];
  edgeIndexes: number[];
}

/** Builds a finding; the severity always comes from {@link ISSUE_SEVERITY}. */
export function graphIssue(
  code: IssueCode,
  message: string,
  nodeKeys: readonly string[] = [],
  edgeIndexes: readonly number[] = [],
): GraphIssue {
  return {
    code,
    severity: ISSUE_SEVERITY[code],
    message,
    nodeKeys: [...new Set(nodeKeys)],
    edgeIndexes: [...new Set(edgeIndexes)],
  };
}

/** How a node is named in messages: its name as the designer sees it, and its key. */
export function nodeLabel(index: GraphIndex, key: string): string {
  const node = index.nodeByKey.get(key);
  return node && node.name !== key ? `"${node.name}" (${key})` : `"${key}"`;
}

/** Several node labels, comma separated. */
export function nodeLabels(index: GraphIndex, keys: readonly string[]): string {
  return keys.map((key) => nodeLabel(index, key)).join(', ');
}
