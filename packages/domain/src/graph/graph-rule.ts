import type { GraphIndex } from './graph-index.ts';
import type { GraphIssue } from './graph-issue.ts';
import type { ValidationContext } from './validation-context.ts';

/** One validation rule: reads the shared index, returns its findings. */
export type GraphRule = (index: GraphIndex, context: ValidationContext) => GraphIssue[];

/** Keys of the nodes of a type, first node of each key, in graph order. */
export function keysOfType(index: GraphIndex, type: string): string[] {
  const keys: string[] = [];
  for (const [key, node] of index.nodeByKey) if (node.type === type) keys.push(key);
  return keys;
}
