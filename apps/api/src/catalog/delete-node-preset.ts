import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { CatalogContext } from './catalog-context.ts';
import { catalogEvent } from './catalog-event.ts';
import { getCatalogEntry } from './get-catalog-entry.ts';
import { nodePresetResource } from './node-preset-resource.ts';

/** A routing version whose nodes name a preset. */
interface PresetUse {
  code: string;
  number: number;
}

/**
 * Deletes a preset the factory defined, with a `node_preset.deleted` event in the same
 * transaction. Shipped presets never go (409 `NODE_PRESET_BUILTIN`). One a routing version names
 * (a node's `config.preset`) stays: 409 `NODE_PRESET_IN_USE` lists the versions (`usedBy`), since
 * those nodes would point at nothing; deactivating takes it out of the palette instead. The
 * preset's row is locked first, so two deletes of it never both answer 204.
 */
export async function deleteNodePreset(context: CatalogContext, idOrCode: string): Promise<void> {
  const { actor } = context;
  await runCommand(context, async (tx) => {
    const preset = await getCatalogEntry(tx, nodePresetResource, idOrCode);
    nodePresetResource.assertMutable?.(preset);
    await tx.$queryRaw`SELECT id FROM node_presets WHERE id = ${preset.id}::uuid FOR UPDATE`;
    const usedBy = await tx.$queryRaw<PresetUse[]>`
      SELECT g.code, v.number FROM graph_versions v JOIN routing_graphs g ON g.id = v.graph_id
      WHERE jsonb_path_exists(v.body::jsonb, '$.nodes[*].config.preset ? (@ == $code)', jsonb_build_object('code', ${preset.code}::text))
      ORDER BY g.code, v.number LIMIT 20`;
    if (usedBy.length > 0) {
      const named = usedBy.map((use) => `${use.code} v${use.number}`).join(', ');
      throw new HttpProblem(
        409,
        'NODE_PRESET_IN_USE',
        `"${preset.code}" is used by ${named}; deactivate it to take it out of the palette instead.`,
        { usedBy },
      );
    }
    const deleted = await tx.nodePreset.deleteMany({ where: { id: preset.id as string } });
    if (deleted.count === 0) {
      throw new HttpProblem(404, nodePresetResource.notFoundCode, `No node preset has the id or code "${idOrCode}".`);
    }
    return { result: undefined, events: [catalogEvent(actor, 'node_preset', 'deleted', preset, preset.code, [])] };
  });
}
