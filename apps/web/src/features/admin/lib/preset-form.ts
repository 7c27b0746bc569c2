import { createNodePresetSchema } from '@atelier/contracts';
import type { NodePresetItem } from '@atelier/contracts';
import { z } from 'zod';

const { shape } = createNodePresetSchema;
const configShape = shape.config.shape;

/**
 * The preset form, from `createNodePresetSchema`: the palette fields plus the config a designer
 * changes most (work center, standard minutes, operators). The rest of a preset's config (skills,
 * checklist …) rides along unchanged in the form's values.
 */
export const presetFormSchema = z.object({
  code: shape.code,
  name: shape.name,
  nodeType: shape.nodeType,
  description: z.string().max(500),
  config: shape.config.extend({
    workCenter: z.union([z.literal(''), configShape.workCenter.unwrap()]).optional(),
    standardMinutes: configShape.standardMinutes.unwrap().positive().optional(),
    minOperators: configShape.minOperators.unwrap().min(1).optional(),
    maxOperators: configShape.maxOperators.unwrap().min(1).optional(),
  }),
});

/** What the preset form holds. */
export type PresetForm = z.infer<typeof presetFormSchema>;

/** A new operation preset. */
export const BLANK_PRESET: PresetForm = {
  code: '',
  name: '',
  nodeType: 'operation',
  description: '',
  config: { workCenter: '', standardMinutes: undefined, minOperators: 1, maxOperators: 1 },
};

/** The form of a stored preset. */
export function presetToForm(preset: NodePresetItem): PresetForm {
  return {
    code: preset.code,
    name: preset.name,
    nodeType: preset.nodeType,
    description: preset.description,
    config: { ...preset.config, workCenter: preset.config.workCenter ?? '' },
  };
}

/** The API body: config fields left empty are left out (the node takes no value for them). */
export function presetFormToBody(values: PresetForm): Record<string, unknown> {
  const config = Object.fromEntries(
    Object.entries(values.config).filter(([, value]) => value !== undefined && value !== '' && !Number.isNaN(value)),
  );
  return { ...values, config };
}
