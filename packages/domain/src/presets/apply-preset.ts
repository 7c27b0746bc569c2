import type { GraphNode, NodePosition } from '../graph/graph-schema.ts';
import type { NodePreset } from './node-preset.ts';

/** Where and under which key/name the node created from a preset goes. */
export interface ApplyPresetOptions {
  key: string;
  /** Defaults to the preset's name. */
  name?: string;
  position?: NodePosition;
}

/**
 * Creates a fully configured node from a preset. The config is deep-copied, so editing the node
 * never changes the preset, and records the preset's code for `UNKNOWN_REFERENCE` and the palette.
 */
export function applyPreset(preset: NodePreset, options: ApplyPresetOptions): GraphNode {
  const config = structuredClone(preset.config);
  return {
    key: options.key,
    type: preset.nodeType,
    name: options.name ?? preset.name,
    ...(options.position ? { position: { ...options.position } } : {}),
    config: { ...config, preset: preset.code },
  };
}
