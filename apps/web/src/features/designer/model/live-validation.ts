import { buildGraphIndex, validateGraph } from '@atelier/domain';
import type { GraphIndex, GraphIssue, IssueSeverity, RoutingGraph, ValidationContext } from '@atelier/domain';
import { docToGraph, sameStructure } from './graph-mapping.ts';
import type { DesignerDoc } from './types.ts';

/** What one validation of the canvas gives the designer. */
export interface LiveValidation {
  graph: RoutingGraph;
  /** The domain's index of the graph; connection checks reuse it. */
  index: GraphIndex;
  issues: readonly GraphIssue[];
  errorCount: number;
  warningCount: number;
  /** Worst severity per node key and per canvas edge id, for highlighting. */
  nodeSeverity: ReadonlyMap<string, IssueSeverity>;
  edgeSeverity: ReadonlyMap<string, IssueSeverity>;
  /** Canvas edge ids in routing order: issue `edgeIndexes` point into this. */
  edgeIds: readonly string[];
}

const NO_CONTEXT: ValidationContext = {};

function worst(map: Map<string, IssueSeverity>, id: string, severity: IssueSeverity) {
  if (map.get(id) !== 'error') map.set(id, severity);
}

/** Runs the domain validator on a canvas document (positions play no part). */
export function validateDoc(doc: DesignerDoc, context: ValidationContext = {}): LiveValidation {
  const graph = docToGraph(doc);
  const index = buildGraphIndex(graph);
  const issues = validateGraph(graph, context, index);
  const edgeIds = doc.edges.map((e) => e.id);
  const nodeSeverity = new Map<string, IssueSeverity>();
  const edgeSeverity = new Map<string, IssueSeverity>();
  let errorCount = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errorCount++;
    for (const key of issue.nodeKeys) worst(nodeSeverity, key, issue.severity);
    for (const i of issue.edgeIndexes) {
      const id = edgeIds[i];
      if (id !== undefined) worst(edgeSeverity, id, issue.severity);
    }
  }
  return {
    graph,
    index,
    issues,
    errorCount,
    warningCount: issues.length - errorCount,
    nodeSeverity,
    edgeSeverity,
    edgeIds,
  };
}

/**
 * A validator that remembers its last answer: moving or selecting nodes does not change the
 * structure, so the canvas is only revalidated on real edits.
 */
export function createLiveValidator() {
  let last: { doc: DesignerDoc; context: ValidationContext; result: LiveValidation } | null = null;
  return (doc: DesignerDoc, context: ValidationContext = NO_CONTEXT): LiveValidation => {
    if (last && last.context === context && sameStructure(last.doc, doc)) return last.result;
    const result = validateDoc(doc, context);
    last = { doc, context, result };
    return result;
  };
}
