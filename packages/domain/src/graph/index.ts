export * from './graph-schema.ts';
export * from './parse-graph.ts';
export * from './evaluate-condition.ts';
export * from './graph-index.ts';
export * from './analyze-sections.ts';
export * from './graph-issue.ts';
export * from './validation-context.ts';
export * from './validate-graph.ts';
