import { Engine } from 'bpmn-engine';
import type { RoutingGraph } from '../graph/graph-schema.ts';
import { letterGraph } from '../graph/letter-graph.ts';
import { InMemoryPiece } from '../routing/in-memory-piece.ts';

/**
 * Routing throughput: a 12-step routing with a split/join and a QC, run by operators who finish
 * every work item at once — first through the domain's routing engine in memory, then the same
 * routing as a BPMN process in `bpmn-engine` (user tasks signalled as soon as they wait).
 */

/** cut → skive → emboss → split{paint → stitch body → lining | strap cut → strap stitch} → join → assemble → qc → finish → pack */
export const benchRoutingGraph: RoutingGraph = letterGraph(
  {
    start: 'start',
    cut: 'operation',
    skive: 'operation',
    emboss: 'operation',
    fork: 'split',
    paint: 'operation',
    stitchBody: 'operation',
    lining: 'operation',
    strapCut: 'operation',
    strapStitch: 'operation',
    join: 'join',
    assemble: 'operation',
    qc: 'qc',
    finish: 'operation',
    pack: 'operation',
    end: 'end',
  },
  [
    'start>cut',
    'cut>skive',
    'skive>emboss',
    'emboss>fork',
    'fork>paint',
    'paint>stitchBody',
    'stitchBody>lining',
    'lining>join',
    'fork>strapCut',
    'strapCut>strapStitch',
    'strapStitch>join',
    'join>assemble',
    'assemble>qc',
    'qc>finish pass',
    'qc>assemble rework',
    'finish>pack',
    'pack>end',
  ],
);

/** Throughput of one engine over a timed run. */
export interface RoutingThroughput {
  pieces: number;
  workItems: number;
  moves: number;
  durationMs: number;
  movesPerSec: number;
  workItemsPerSec: number;
}

const round = (n: number) => Math.round(n);

/** Runs whole pieces through the domain engine, in memory, until `durationMs` has passed. */
export function benchDomainRouting(graph: RoutingGraph, durationMs: number): RoutingThroughput {
  let ids = 0;
  const newId = () => `id-${++ids}`;
  const now = new Date(Date.UTC(2026, 0, 5, 8));
  let pieces = 0;
  let workItems = 0;
  let moves = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    const piece = new InMemoryPiece(graph, {
      tokenId: newId(),
      serial: `BENCH-${pieces}`,
      orderId: 'bench',
      attributes: {},
      now,
      newId,
    });
    for (let open = piece.openItems(); open.length > 0; open = piece.openItems()) {
      for (const item of open) {
        piece.work(item.id, 'op-1', now, newId, item.kind === 'qc' ? { result: 'pass', reasonCodes: [] } : undefined);
        workItems++;
      }
    }
    moves += piece.events.filter((event) => event.type === 'token.moved').length;
    pieces++;
  }
  const elapsed = performance.now() - started;
  return {
    pieces,
    workItems,
    moves,
    durationMs: round(elapsed),
    movesPerSec: round((moves / elapsed) * 1000),
    workItemsPerSec: round((workItems / elapsed) * 1000),
  };
}

const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The same routing as BPMN 2.0: work steps become user tasks, split/join parallel gateways, and
 * the QC outcome an exclusive gateway whose default flow is `pass` (operators pass at once).
 */
export function toBpmn(graph: RoutingGraph): string {
  const elements: string[] = [];
  const gatewayOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const id = node.key;
    const name = escape(node.name);
    if (node.type === 'start') elements.push(`<startEvent id="${id}" name="${name}"/>`);
    else if (node.type === 'end') elements.push(`<endEvent id="${id}" name="${name}"/>`);
    else if (node.type === 'split' || node.type === 'join')
      elements.push(`<parallelGateway id="${id}" name="${name}"/>`);
    else if (node.type === 'decision') elements.push(`<exclusiveGateway id="${id}" name="${name}"/>`);
    else elements.push(`<userTask id="${id}" name="${name}"/>`);
    if (node.type === 'qc') {
      gatewayOf.set(id, `${id}_outcome`);
      elements.push(`<sequenceFlow id="${id}_to_outcome" sourceRef="${id}" targetRef="${id}_outcome"/>`);
    }
  }
  const defaults = new Map<string, string>();
  graph.edges.forEach((edge, i) => {
    const from = gatewayOf.get(edge.from) ?? edge.from;
    const id = `flow_${i}`;
    if (edge.kind === 'pass' || edge.kind === 'default') defaults.set(from, id);
    const condition =
      edge.kind === 'rework' || edge.kind === 'fail' || edge.kind === 'condition'
        ? '<conditionExpression xsi:type="tFormalExpression">${environment.variables.never}</conditionExpression>'
        : '';
    elements.push(`<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${edge.to}">${condition}</sequenceFlow>`);
  });
  for (const gateway of gatewayOf.values())
    elements.push(`<exclusiveGateway id="${gateway}" default="${defaults.get(gateway) ?? ''}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="bench" targetNamespace="http://bpmn.io/schema/bpmn">',
    `<process id="${escape(graph.code)}" isExecutable="true">`,
    ...elements,
    '</process></definitions>',
  ].join('\n');
}

/** Runs pieces, one process instance each, through `bpmn-engine` until `durationMs` has passed. */
export async function benchBpmnEngine(
  graph: RoutingGraph,
  durationMs: number,
): Promise<{ pieces: number; userTasks: number; durationMs: number; userTasksPerSec: number }> {
  const source = toBpmn(graph);
  let userTasks = 0;
  let pieces = 0;
  const listener = {
    emit(name: string, api: { type?: string; signal?: () => void }) {
      if (name === 'wait' && api.type === 'bpmn:UserTask' && api.signal) {
        userTasks++;
        api.signal();
      }
    },
  };
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    const engine = new Engine({ name: `piece-${pieces}`, source, variables: { never: false } });
    const ended = engine.waitFor('end');
    await engine.execute({ listener });
    await ended;
    pieces++;
  }
  const elapsed = performance.now() - started;
  return { pieces, userTasks, durationMs: round(elapsed), userTasksPerSec: round((userTasks / elapsed) * 1000) };
}
