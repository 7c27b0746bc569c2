import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath } from '@xyflow/react';
import type { EdgeProps, EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEdgeSeverity } from '../hooks/designer-context.tsx';
import type { DesignerEdge, KindData } from '../model/types.ts';

/** What an edge says on the canvas: its label, condition or rework limit. */
function edgeText(t: ReturnType<typeof useTranslation<'designer'>>['t'], data: KindData): string | null {
  if (data.label) return data.label;
  switch (data.kind) {
    case 'rework':
      return t('edge.reworkLabel', { count: data.maxPasses ?? 0 });
    case 'condition':
      return data.condition
        ? `${data.condition.attribute} ${data.condition.op} ${JSON.stringify(data.condition.value)}`
        : t('edge.conditionMissing');
    case 'default':
      return t('edge.kind.default');
    case 'pass':
      return t('edge.kind.pass');
    case 'fail':
      return t('edge.kind.fail');
    default:
      return null;
  }
}

/** An edge styled by its kind; rework loops run back below the flow, dashed. */
const KindEdge = memo(function KindEdge(props: EdgeProps<DesignerEdge>) {
  const { t } = useTranslation('designer');
  const severity = useEdgeSeverity(props.id);
  const data = props.data ?? { kind: 'normal' };
  const backwards = props.targetX < props.sourceX;
  const [path, labelX, labelY] = getSmoothStepPath({
    ...props,
    borderRadius: 12,
    offset: backwards ? 36 : 20,
  });
  const text = edgeText(t, data);
  const className = [
    'dz-edge',
    `dz-edge--${data.kind}`,
    props.selected ? 'is-selected' : '',
    severity ? `has-${severity}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className={className} interactionWidth={16} />
      {text ? (
        <EdgeLabelRenderer>
          <div
            className={`dz-edge-label dz-edge-label--${data.kind}${severity ? ` has-${severity}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

/** Outside any component (React Flow compares by reference). */
export const EDGE_TYPES: EdgeTypes = { kind: KindEdge };
