import type { GraphIndex } from './graph-index.ts';
import type { GraphIssue } from './graph-issue.ts';
import type { ValidationContext } from './validation-context.ts';

/** One validation rule: reads the shared index, returns its findings. */
export type GraphRule = (index: GraphIndex, context: ValidationContext) => GraphIssue[];
