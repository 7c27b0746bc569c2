import type { NodeConfig, NodeType } from '../graph/graph-schema.ts';

/**
 * A node template the designer drags onto the canvas. Shipped defaults and user presets stored in
 * the database share this shape; `config.preset` of a created node records the `code` it came from.
 */
export interface NodePreset {
  /** Stable identifier, kebab-case (`stitching-2`). */
  code: string;
  /** Palette label. */
  name: string;
  nodeType: NodeType;
  /** Config copied into the node (without `preset`, which `applyPreset` sets). */
  config: Omit<NodeConfig, 'preset'>;
  /** One sentence for the palette tooltip. */
  description: string;
}
