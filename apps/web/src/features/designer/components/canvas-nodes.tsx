import type { NodeType } from '@atelier/domain';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasFormat } from '../hooks/canvas-format.tsx';
import { useNodeSeverity } from '../hooks/designer-context.tsx';
import type { DesignerNode } from '../model/types.ts';
import { nodeTypeLabel } from './node-type-label.ts';

const GLYPH: Record<NodeType, string> = {
  start: '▶',
  end: '■',
  operation: '⚒',
  qc: '✓',
  split: '⑂',
  join: '⑃',
  decision: '◆',
};

function classes(type: NodeType, selected: boolean, severity: string | undefined): string {
  return ['dz-node', `dz-node--${type}`, selected ? 'is-selected' : '', severity ? `has-${severity}` : '']
    .filter(Boolean)
    .join(' ');
}

/** Handles: in on the left, out on the right (the layout runs left to right). */
function Ports({ type }: { type: NodeType }) {
  return (
    <>
      {type === 'start' ? null : <Handle type="target" position={Position.Left} className="dz-port" />}
      {type === 'end' ? null : <Handle type="source" position={Position.Right} className="dz-port" />}
    </>
  );
}

/** A work step (operation or QC) with what a designer needs at a glance. */
const WorkStepNode = memo(function WorkStepNode({ id, type, data, selected }: NodeProps<DesignerNode>) {
  const { t } = useTranslation('designer');
  const format = useCanvasFormat();
  const severity = useNodeSeverity(id);
  const config = data.config ?? {};
  const operators =
    config.minOperators === undefined
      ? null
      : config.maxOperators !== undefined && config.maxOperators !== config.minOperators
        ? t('node.operatorsRange', { min: config.minOperators, max: config.maxOperators })
        : t('node.operators', { count: config.minOperators });
  return (
    <div className={classes(type, selected, severity)} data-testid={`node-${id}`}>
      <Ports type={type} />
      <div className="dz-node__head">
        <span className="dz-node__glyph" aria-hidden="true">
          {GLYPH[type]}
        </span>
        <span className="dz-node__name">{data.name}</span>
      </div>
      <div className="dz-node__key">{id}</div>
      <div className="dz-node__facts">
        <span>{config.workCenter ?? t('node.noWorkCenter')}</span>
        {config.standardMinutes === undefined ? null : <span>{format.minutes(config.standardMinutes)}</span>}
        {operators ? <span>{operators}</span> : null}
      </div>
      {config.skills?.length ? (
        <div className="dz-node__skills">
          {config.skills.map((s) => `${s.code} ${s.minLevel}`).join(' · ')}
          {config.assignmentPolicy ? ` · ${config.assignmentPolicy}` : ''}
        </div>
      ) : null}
    </div>
  );
});

/** An instant node: start, end, split, join or decision. */
const FlowNode = memo(function FlowNode({ id, type, data, selected }: NodeProps<DesignerNode>) {
  const { t } = useTranslation('designer');
  const severity = useNodeSeverity(id);
  return (
    <div className={classes(type, selected, severity)} data-testid={`node-${id}`} title={nodeTypeLabel(t, type)}>
      <Ports type={type} />
      <span className="dz-node__glyph" aria-hidden="true">
        {GLYPH[type]}
      </span>
      <span className="dz-node__name">{data.name}</span>
    </div>
  );
});

/** Outside any component, so React Flow never sees a new object and remounts nodes. */
export const NODE_TYPES: NodeTypes = {
  start: FlowNode,
  end: FlowNode,
  split: FlowNode,
  join: FlowNode,
  decision: FlowNode,
  operation: WorkStepNode,
  qc: WorkStepNode,
};
