export * from './assignment-rule.ts';
export * from './candidate-filters.ts';
export * from './rank-candidates.ts';
export * from './decide-assignment.ts';
export * from './plan-assignments.ts';
