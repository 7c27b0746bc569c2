import { z } from 'zod';
import { nodeConfigSchema, nodeTypeSchema } from '../graph/graph-schema.ts';

/**
 * A node template the designer drags onto the canvas. Shipped defaults and user presets stored in
 * the database share this schema (the API validates user presets with it); `config.preset` of a
 * node created from it records the `code` it came from.
 */
export const nodePresetSchema = z.strictObject({
  /** Stable identifier, kebab-case (`stitching-2`). */
  code: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters and digits separated by "-"')
    .max(64),
  /** Palette label. */
  name: z.string().min(1).max(120),
  nodeType: nodeTypeSchema,
  /** Config copied into the node (without `preset`, which `applyPreset` sets). */
  config: nodeConfigSchema.omit({ preset: true }),
  /** One sentence for the palette tooltip. */
  description: z.string().max(500),
});

/** A node preset. */
export type NodePreset = z.infer<typeof nodePresetSchema>;
