import { applyPreset, DEFAULT_PRESETS } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { createDesignerStore } from './designer-store.ts';
import { docToGraph, graphToDoc } from './graph-mapping.ts';
import { demoRouting } from './test-graphs.ts';

const preset = (code: string) => {
  const found = DEFAULT_PRESETS.find((p) => p.code === code);
  if (!found) throw new Error(code);
  return found;
};

function openTote() {
  const store = createDesignerStore();
  store.getState().load(graphToDoc(demoRouting()));
  return store;
}

const undo = (store: ReturnType<typeof openTote>) => store.temporal.getState().undo();
const redo = (store: ReturnType<typeof openTote>) => store.temporal.getState().redo();
const past = (store: ReturnType<typeof openTote>) => store.temporal.getState().pastStates.length;

describe('designer store', () => {
  it('undoes and redoes an added node and a drawn edge, one step each', () => {
    const store = openTote();
    const before = docToGraph(store.getState());
    const key = store.getState().addNode(applyPreset(preset('cutting'), { key: 'cut', position: { x: 5, y: 5 } }));
    expect(key).toBe('cut-2');
    store.getState().connect('start', key, 'normal');
    expect(past(store)).toBe(2);
    undo(store);
    expect(store.getState().edges.some((e) => e.target === key)).toBe(false);
    undo(store);
    expect(docToGraph(store.getState())).toEqual(before);
    redo(store);
    redo(store);
    expect(store.getState().edges.at(-1)).toMatchObject({ source: 'start', target: key, data: { kind: 'normal' } });
  });

  it('does not count selecting or measuring as a step', () => {
    const store = openTote();
    store.getState().select(['cut'], []);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'cut', dimensions: { width: 200, height: 90 } }]);
    expect(past(store)).toBe(0);
    expect(store.getState().nodes.find((n) => n.id === 'cut')?.selected).toBe(true);
  });

  it('records a whole drag as one step', () => {
    const store = openTote();
    const start = store.getState().nodes.find((n) => n.id === 'cut')?.position;
    store.getState().beginGesture();
    for (let x = 1; x <= 30; x++) {
      store.getState().onNodesChange([{ type: 'position', id: 'cut', position: { x: x * 10, y: 7 }, dragging: true }]);
    }
    store.getState().endGesture();
    expect(past(store)).toBe(1);
    expect(store.getState().nodes.find((n) => n.id === 'cut')?.position).toEqual({ x: 300, y: 7 });
    undo(store);
    expect(store.getState().nodes.find((n) => n.id === 'cut')?.position).toEqual(start);
  });

  it('a click without a move leaves no step', () => {
    const store = openTote();
    store.getState().beginGesture();
    store.getState().endGesture();
    expect(past(store)).toBe(0);
  });

  it('renames a key and the edges follow; a taken key is refused', () => {
    const store = openTote();
    expect(store.getState().renameNode('cut', 'start')).toBe(false);
    expect(store.getState().renameNode('cut', 'cutting')).toBe(true);
    const graph = docToGraph(store.getState());
    expect(graph.nodes.some((n) => n.key === 'cut')).toBe(false);
    expect(graph.edges.filter((e) => e.from === 'cutting' || e.to === 'cutting').length).toBeGreaterThan(0);
  });

  it('copies and pastes the selection with fresh keys and the edges between them', () => {
    const store = openTote();
    const [a, b] = store.getState().edges.filter((e) => e.data?.kind === 'normal');
    expect(a && b).toBeTruthy();
    store.getState().select([a!.source, a!.target], []);
    const clip = store.getState().copy();
    expect(clip?.nodes).toHaveLength(2);
    expect(clip?.edges).toHaveLength(1);
    store.getState().paste(clip!);
    const pasted = store.getState().nodes.filter((n) => n.selected);
    expect(pasted.map((n) => n.id)).toEqual([`${a!.source}-2`, `${a!.target}-2`]);
    expect(store.getState().edges.at(-1)).toMatchObject({ source: `${a!.source}-2`, target: `${a!.target}-2` });
  });

  it('deletes selected nodes with their edges in one step', () => {
    const store = openTote();
    store.getState().select(['cut'], []);
    store.getState().deleteSelection();
    expect(store.getState().nodes.some((n) => n.id === 'cut')).toBe(false);
    expect(store.getState().edges.some((e) => e.source === 'cut' || e.target === 'cut')).toBe(false);
    undo(store);
    expect(docToGraph(store.getState())).toEqual(docToGraph(graphToDoc(demoRouting())));
  });

  it('inserts a preset in the middle of an edge and makes room for it', () => {
    const store = openTote();
    const edge = store.getState().edges[0]!;
    const at = (id: string) => store.getState().nodes.find((n) => n.id === id)?.position ?? { x: NaN, y: NaN };
    const source = at(edge.source);
    const target = at(edge.target);
    const position = { x: target.x, y: target.y };
    const key = store.getState().insertOnEdge(edge.id, applyPreset(preset('skiving'), { key: 'skiving', position }));
    const graph = docToGraph(store.getState());
    expect(graph.edges).toContainEqual({ from: edge.source, to: key, kind: 'normal' });
    expect(graph.edges).toContainEqual({ from: key, to: edge.target, kind: 'normal' });
    expect(at(edge.source)).toEqual(source);
    expect(at(key)).toEqual(position);
    expect(at(edge.target).x).toBeGreaterThanOrEqual(position.x + 232);
  });

  it('ignores edits in a read-only version but still selects', () => {
    const store = createDesignerStore();
    store.getState().load(graphToDoc(demoRouting()), { readOnly: true });
    store.getState().onNodesChange([{ type: 'remove', id: 'cut' }]);
    store.getState().onNodesChange([{ type: 'select', id: 'cut', selected: true }]);
    expect(store.getState().nodes.find((n) => n.id === 'cut')?.selected).toBe(true);
  });

  it('lays out in one undoable step', async () => {
    const store = openTote();
    const before = store.getState().nodes.map((n) => n.position);
    await store.getState().layout();
    expect(past(store)).toBe(1);
    undo(store);
    expect(store.getState().nodes.map((n) => n.position)).toEqual(before);
  });
});
