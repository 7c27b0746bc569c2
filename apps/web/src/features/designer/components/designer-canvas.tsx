import { applyPreset } from '@atelier/domain';
import type { EdgeKind } from '@atelier/domain';
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import type { Connection, IsValidConnection } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasFormatProvider } from '../hooks/canvas-format.tsx';
import { useDesigner, useDesignerStore } from '../hooks/designer-context.tsx';
import { useValidationIndex } from '../hooks/use-validation-index.ts';
import { GRID } from '../model/node-size.ts';
import { checkConnection } from '../model/connection-rules.ts';
import type { DesignerEdge, DesignerNode } from '../model/types.ts';
import { EDGE_TYPES } from './canvas-edges.tsx';
import { NODE_TYPES } from './canvas-nodes.tsx';
import { KindPicker } from './kind-picker.tsx';
import { usePresetByCode } from '../hooks/use-designer-data.ts';
import { PRESET_DRAG_TYPE } from './preset-palette.tsx';

const SNAP: [number, number] = [GRID, GRID];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };

/** A connection waiting for its kind (a QC or decision offers several). */
interface PendingConnection {
  from: string;
  to: string;
  kinds: readonly EdgeKind[];
  x: number;
  y: number;
}

/**
 * The React Flow canvas: nodes and edges from the store (narrow selectors), connections checked by
 * the domain while they are drawn, presets dropped from the palette (onto an edge: inserted in it).
 */
export function DesignerCanvas() {
  const { t } = useTranslation('designer');
  const store = useDesignerStore();
  const { nodes, edges, readOnly } = useDesigner((s) => ({ nodes: s.nodes, edges: s.edges, readOnly: s.readOnly }));
  const actions = useDesigner((s) => ({
    onNodesChange: s.onNodesChange,
    onEdgesChange: s.onEdgesChange,
    beginGesture: s.beginGesture,
    endGesture: s.endGesture,
  }));
  const index = useValidationIndex();
  const flow = useReactFlow<DesignerNode, DesignerEdge>();
  const presetByCode = usePresetByCode();
  const [pending, setPending] = useState<PendingConnection | null>(null);

  const isValidConnection = useCallback<IsValidConnection<DesignerEdge>>(
    (connection) => checkConnection(index(), connection.source, connection.target).ok,
    [index],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const check = checkConnection(index(), connection.source, connection.target);
      if (!check.ok) return;
      if (check.kinds.length === 1) {
        store.getState().connect(connection.source, connection.target, check.kinds[0] ?? 'normal');
        return;
      }
      const target = flow.getInternalNode(connection.target);
      const at = flow.flowToScreenPosition({
        x: target?.internals.positionAbsolute.x ?? 0,
        y: target?.internals.positionAbsolute.y ?? 0,
      });
      setPending({ from: connection.source, to: connection.target, kinds: check.kinds, x: at.x, y: at.y });
    },
    [flow, index, store],
  );

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const code = event.dataTransfer.getData(PRESET_DRAG_TYPE);
      const preset = presetByCode.get(code);
      if (!preset || store.getState().readOnly) return;
      event.preventDefault();
      const size = preset.nodeType === 'operation' || preset.nodeType === 'qc' ? { w: 116, h: 58 } : { w: 66, h: 28 };
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const position = {
        x: Math.round((at.x - size.w) / GRID) * GRID,
        y: Math.round((at.y - size.h) / GRID) * GRID,
      };
      const node = applyPreset(preset, { key: preset.code, position });
      const edgeId = edgeUnder(event.clientX, event.clientY);
      if (edgeId) store.getState().insertOnEdge(edgeId, node);
      else store.getState().addNode(node);
    },
    [flow, presetByCode, store],
  );

  return (
    <div
      className="dz-canvas"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(PRESET_DRAG_TYPE)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
      data-testid="designer-canvas"
    >
      <CanvasFormatProvider>
        <ReactFlow<DesignerNode, DesignerEdge>
          nodes={nodes as DesignerNode[]}
          edges={edges as DesignerEdge[]}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={actions.onNodesChange}
          onEdgesChange={actions.onEdgesChange}
          onNodeDragStart={actions.beginGesture}
          onNodeDragStop={actions.endGesture}
          onSelectionDragStart={actions.beginGesture}
          onSelectionDragStop={actions.endGesture}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesFocusable
          deleteKeyCode={readOnly ? null : DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionOnDrag={false}
          snapToGrid
          snapGrid={SNAP}
          connectionLineType={ConnectionLineType.SmoothStep}
          onlyRenderVisibleElements
          minZoom={0.1}
          maxZoom={2}
          fitView
          proOptions={PRO_OPTIONS}
          aria-label={t('canvas.label')}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />
          <MiniMap pannable zoomable className="dz-minimap" nodeClassName={(node) => `dz-mini dz-mini--${node.type}`} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </CanvasFormatProvider>
      {pending ? (
        <KindPicker
          x={pending.x}
          y={pending.y}
          kinds={pending.kinds}
          onPick={(kind) => {
            store.getState().connect(pending.from, pending.to, kind);
            setPending(null);
          }}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </div>
  );
}

/** The edge under a screen point (a preset dropped on it is inserted in the middle). */
function edgeUnder(x: number, y: number): string | null {
  for (const element of document.elementsFromPoint(x, y)) {
    const edge = element.closest('.react-flow__edge');
    const id = edge?.getAttribute('data-id');
    if (id) return id;
  }
  return null;
}
