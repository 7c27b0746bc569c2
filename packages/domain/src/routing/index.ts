export * from './types.ts';
export { edgeKey } from './route-graph.ts';
export { releasePiece } from './release-piece.ts';
export type { ReleasePieceInput } from './release-piece.ts';
export * from './complete-work-item.ts';
export * from './apply-effects.ts';
export * from './in-memory-piece.ts';
export * from './accept-held-piece.ts';
