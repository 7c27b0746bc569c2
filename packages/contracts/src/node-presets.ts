import { nodeConfigSchema, nodePresetSchema, nodeTypeSchema } from '@atelier/domain';
import { z } from 'zod';
import { nonEmptyUpdate } from './catalog.ts';
import { pageSchema } from './paging.ts';

const presetConfigSchema = nodeConfigSchema.omit({ preset: true });

/**
 * A node preset for the designer's palette: a shipped default (`builtin`, read-only) or one the
 * factory defined. `id` is null for a shipped default the database does not hold.
 */
export const nodePresetItemSchema = z
  .object({
    id: z.uuid().nullable(),
    code: z.string(),
    name: z.string(),
    nodeType: nodeTypeSchema,
    config: presetConfigSchema,
    description: z.string(),
    builtin: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'NodePreset' });

/** A page of node presets. */
export const nodePresetPageSchema = pageSchema(nodePresetItemSchema).meta({ id: 'NodePresetPage' });

/** Body of `POST /node-presets`: the domain's preset schema (kebab-case code, node config as in routings). */
export const createNodePresetSchema = nodePresetSchema
  .extend({ description: nodePresetSchema.shape.description.default('') })
  .meta({ id: 'CreateNodePreset' });

/** Body of `PATCH /node-presets/:id`; the code and node type never change. */
export const updateNodePresetSchema = nonEmptyUpdate({
  name: nodePresetSchema.shape.name.optional(),
  config: presetConfigSchema.optional(),
  description: nodePresetSchema.shape.description.optional(),
}).meta({ id: 'UpdateNodePreset' });

/** A node preset as listed. */
export type NodePresetItem = z.infer<typeof nodePresetItemSchema>;
/** A new user preset. */
export type CreateNodePreset = z.infer<typeof createNodePresetSchema>;
/** Changes to a user preset. */
export type UpdateNodePreset = z.infer<typeof updateNodePresetSchema>;
