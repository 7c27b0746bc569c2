import type { NodePreset, NodeType } from '@atelier/domain';
import { applyPreset } from '@atelier/domain';
import { useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner, useDesignerStore } from '../hooks/designer-context.tsx';
import { usePresets } from '../hooks/use-designer-data.ts';
import { GRID } from '../model/node-size.ts';

/** The drag payload type of a preset (its code). */
export const PRESET_DRAG_TYPE = 'application/x-atelier-preset';

type Group = 'operations' | 'qc' | 'flow';

const GROUP_OF: Record<NodeType, Group> = {
  operation: 'operations',
  qc: 'qc',
  start: 'flow',
  end: 'flow',
  split: 'flow',
  join: 'flow',
  decision: 'flow',
};
const GROUPS: readonly Group[] = ['operations', 'qc', 'flow'];

/** Presets grouped and filtered by a search over name, code and work center. */
export function groupPresets(presets: readonly NodePreset[], search: string): [Group, NodePreset[]][] {
  const needle = search.trim().toLowerCase();
  const matches = presets.filter(
    (p) =>
      !needle ||
      p.name.toLowerCase().includes(needle) ||
      p.code.includes(needle) ||
      (p.config.workCenter ?? '').toLowerCase().includes(needle),
  );
  return GROUPS.map((group): [Group, NodePreset[]] => [
    group,
    matches.filter((p) => GROUP_OF[p.nodeType] === group),
  ]).filter(([, list]) => list.length > 0);
}

/**
 * The preset palette: drag a preset onto the canvas (or onto an edge) for a fully configured node;
 * Enter or a click adds it in the middle of the view.
 */
export function PresetPalette() {
  const { t } = useTranslation('designer');
  const presets = usePresets();
  const readOnly = useDesigner((s) => s.readOnly);
  const store = useDesignerStore();
  const flow = useReactFlow();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => groupPresets(presets, search), [presets, search]);
  const groupTitle = (group: Group) =>
    group === 'operations' ? t('palette.operations') : group === 'qc' ? t('palette.qc') : t('palette.flow');

  const addInView = (preset: NodePreset) => {
    const box = document.querySelector('.dz-canvas')?.getBoundingClientRect();
    const centre = flow.screenToFlowPosition({
      x: (box?.left ?? 0) + (box?.width ?? 0) / 2,
      y: (box?.top ?? 0) + (box?.height ?? 0) / 2,
    });
    const position = { x: Math.round(centre.x / GRID) * GRID, y: Math.round(centre.y / GRID) * GRID };
    store.getState().addNode(applyPreset(preset, { key: preset.code, position }));
  };

  return (
    <aside className="dz-palette" aria-label={t('palette.title')}>
      <h2 className="dz-panel-title">{t('palette.title')}</h2>
      <input
        className="dz-input"
        type="search"
        value={search}
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        onChange={(event) => setSearch(event.target.value)}
      />
      {groups.length === 0 ? <p className="dz-muted">{t('palette.none')}</p> : null}
      {groups.map(([group, list]) => (
        <section key={group} className="dz-palette__group">
          <h3 className="dz-palette__group-title">{groupTitle(group)}</h3>
          <ul className="dz-palette__list">
            {list.map((preset) => (
              <li key={preset.code}>
                <button
                  type="button"
                  className={`dz-preset dz-preset--${preset.nodeType}`}
                  draggable={!readOnly}
                  disabled={readOnly}
                  data-preset={preset.code}
                  title={preset.description}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PRESET_DRAG_TYPE, preset.code);
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => addInView(preset)}
                >
                  <span className="dz-preset__name">{preset.name}</span>
                  {preset.config.workCenter ? (
                    <span className="dz-preset__meta">{preset.config.workCenter}</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
