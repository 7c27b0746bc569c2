import type { GraphRule } from '../graph-rule.ts';
import { graphIssue } from '../graph-issue.ts';

/** `DUPLICATE_KEY`: node keys identify steps across versions, so they must be unique. */
export const duplicateKey: GraphRule = (index) =>
  [...index.duplicateKeys].map(([key, uses]) =>
    graphIssue(
      'DUPLICATE_KEY',
      `Key "${key}" is used by ${uses.length} nodes (${uses.map((i) => `"${index.graph.nodes[i]?.name}"`).join(', ')}); give each node its own key.`,
      [key],
    ),
  );
