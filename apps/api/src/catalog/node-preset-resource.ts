import { DEFAULT_PRESETS, type NodePreset } from '@atelier/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import { bodyFieldProblem, HttpProblem } from '../plugins/http-problem.ts';
import type { CreateNodePreset, NodePresetItem, UpdateNodePreset } from '@atelier/contracts';
import type { CatalogClient, CatalogResource } from './catalog-resource.ts';
import { conflictOnDuplicate } from './unique-violation.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const select = {
  id: true,
  code: true,
  name: true,
  nodeType: true,
  config: true,
  description: true,
  builtin: true,
  active: true,
} as const;
const DEFAULTS = new Map(DEFAULT_PRESETS.map((preset) => [preset.code, preset]));

type PresetRow = Omit<NodePresetItem, 'config'> & { config: Prisma.JsonValue };

/**
 * Shipped presets are defined by the domain, whatever copy the database holds (the seed stores
 * them for reference): the domain's definition wins, the row only lends its id.
 */
function fromDefault(preset: NodePreset, id: string | null): NodePresetItem {
  return { id, ...structuredClone(preset), builtin: true, active: true };
}

function fromRow(row: PresetRow): NodePresetItem {
  const shipped = row.builtin ? DEFAULTS.get(row.code) : undefined;
  if (shipped !== undefined) return fromDefault(shipped, row.id);
  return { ...row, config: row.config as NodePresetItem['config'] };
}

/** Every preset: the shipped defaults merged with the database's (user presets and stored defaults), in code order. */
async function allPresets(client: CatalogClient): Promise<NodePresetItem[]> {
  const rows = await client.nodePreset.findMany({ select });
  const stored = new Map(rows.map((row) => [row.code, fromRow(row)]));
  for (const preset of DEFAULT_PRESETS)
    if (!stored.has(preset.code)) stored.set(preset.code, fromDefault(preset, null));
  return [...stored.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Node presets: the domain's shipped defaults (read-only) plus the factory's own, stored in the
 * database. The palette is small (tens), so lists merge in memory.
 */
export const nodePresetResource: CatalogResource<NodePresetItem, CreateNodePreset, UpdateNodePreset> = {
  entity: 'node_preset',
  noun: 'node preset',
  notFoundCode: 'NODE_PRESET_NOT_FOUND',
  codeOf: (preset) => preset.code,
  list: async (client, { after, take, includeInactive }) =>
    (await allPresets(client))
      .filter((preset) => (after === undefined || preset.code > after) && (includeInactive || preset.active))
      .slice(0, take),
  find: async (client, idOrCode) => {
    if (!UUID.test(idOrCode)) {
      const shipped = DEFAULTS.get(idOrCode);
      const row = await client.nodePreset.findUnique({ where: { code: idOrCode }, select });
      if (shipped !== undefined) return fromDefault(shipped, row?.id ?? null);
      return row === null ? null : fromRow(row);
    }
    const row = await client.nodePreset.findUnique({ where: { id: idOrCode.toLowerCase() }, select });
    return row === null ? null : fromRow(row);
  },
  create: async (client, input) => {
    const taken = `A node preset with the code "${input.code}" exists already.`;
    if (DEFAULTS.has(input.code))
      throw bodyFieldProblem(409, 'NODE_PRESET_CODE_TAKEN', `${taken} (a shipped preset)`, [
        { path: 'code', message: `${taken} (a shipped preset)` },
      ]);
    const data = { ...input, config: input.config as Prisma.InputJsonObject, builtin: false };
    return fromRow(
      await conflictOnDuplicate(
        () => client.nodePreset.create({ data, select }),
        'NODE_PRESET_CODE_TAKEN',
        taken,
        'code',
      ),
    );
  },
  update: async (client, preset, { config, ...input }) =>
    fromRow(
      await client.nodePreset.update({
        where: { id: preset.id as string },
        data: { ...input, ...(config === undefined ? {} : { config: config as Prisma.InputJsonObject }) },
        select,
      }),
    ),
  setActive: async (client, preset, active) =>
    fromRow(await client.nodePreset.update({ where: { id: preset.id as string }, data: { active }, select })),
  assertMutable: (preset) => {
    if (preset.builtin) {
      throw new HttpProblem(
        409,
        'NODE_PRESET_BUILTIN',
        `"${preset.code}" is a shipped preset and cannot change; create your own preset from it under a new code.`,
      );
    }
  },
};
