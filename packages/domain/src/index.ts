/**
 * @atelier/domain — the pure core shared by API, web and CLI. No I/O: time and ids are injected.
 * Each folder owns its own index.ts; this file only re-exports them.
 */
export * from './graph/index.ts';
export * from './presets/index.ts';
export * from './state/index.ts';
export * from './routing/index.ts';
export * from './cancellation/index.ts';
export * from './rules/index.ts';
export * from './assignment/index.ts';
