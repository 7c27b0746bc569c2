import { evaluateCondition } from '../graph/evaluate-condition.ts';
import type { GraphEdge, GraphNode } from '../graph/graph-schema.ts';
import { workItemLimits } from '../rules/work-item-limits.ts';
import { tokenMachine } from '../state/token-machine.ts';
import type { TokenCommand } from '../state/token-machine.ts';
import type { Token, WorkItem } from '../state/types.ts';
import type { ChangeSet } from './change-set.ts';
import { edgeKey } from './route-graph.ts';
import type { RouteGraph } from './route-graph.ts';
import type { StepContext } from './types.ts';

/**
 * One routing step in progress: the working copy, the graph and the injected context. Moving a
 * token passes instantly through start, decision, split and join nodes and stops at work steps
 * (a new work item), at an end (the token completes) or at a join still waiting for siblings.
 */
export interface Walk {
  readonly changes: ChangeSet;
  readonly graph: RouteGraph;
  readonly context: StepContext;
}

/** Applies a token command through the state machine; a refusal here is a broken invariant. */
export function applyToToken(walk: Walk, tokenId: string, command: TokenCommand): Token {
  const token = walk.changes.token(tokenId);
  const decision = tokenMachine.apply(token, command);
  if (!decision.ok)
    throw new Error(`Token ${token.serial}: ${command.type} refused (${decision.code}) at ${token.nodeKey}`);
  walk.changes.updateToken(decision.next);
  walk.changes.emit(decision.events);
  return decision.next;
}

/** Moves a token along `edge` and lets it continue until it rests. */
export function moveAlong(walk: Walk, tokenId: string, edge: GraphEdge): void {
  const rework = edge.kind === 'rework' ? { edgeKey: edgeKey(edge), maxPasses: edge.maxPasses ?? 0 } : undefined;
  applyToToken(walk, tokenId, {
    type: 'move',
    to: edge.to,
    edgeKind: edge.kind,
    ...(rework && { rework }),
    now: walk.context.now,
  });
  settle(walk, tokenId);
}

/** Lets a token that has just reached its node do what that node asks. */
export function settle(walk: Walk, tokenId: string): void {
  const token = walk.changes.token(tokenId);
  const node = walk.graph.node(token.nodeKey);
  switch (node.type) {
    case 'operation':
    case 'qc':
      return openWorkItem(walk, token, node);
    case 'end':
      return void applyToToken(walk, tokenId, { type: 'complete', now: walk.context.now });
    case 'start':
      return moveAlong(walk, tokenId, walk.graph.onlyEdge(node.key));
    case 'decision':
      return moveAlong(walk, tokenId, chooseDecisionEdge(walk, token, node));
    case 'split':
      return split(walk, token, node);
    case 'join':
      return arriveAtJoin(walk, token, node);
  }
}

function openWorkItem(walk: Walk, token: Token, node: GraphNode): void {
  const { now, newId } = walk.context;
  const item: WorkItem = {
    id: newId(),
    tokenId: token.id,
    nodeKey: node.key,
    kind: node.type === 'qc' ? 'qc' : 'operation',
    state: 'ready',
    ...workItemLimits(node),
    operators: [],
    timeLogs: [],
    qc: null,
    createdAt: now,
    updatedAt: now,
  };
  walk.changes.insertWorkItem(item);
  walk.changes.emit([
    {
      type: 'work_item.created',
      at: now,
      tokenId: token.id,
      workItemId: item.id,
      nodeKey: node.key,
      data: { kind: item.kind },
    },
  ]);
}

/** First condition edge (in graph order) whose condition holds, else the default edge. */
function chooseDecisionEdge(walk: Walk, token: Token, node: GraphNode): GraphEdge {
  const edges = walk.graph.outgoing(node.key).map(({ edge }) => edge);
  const matched = edges.find(
    (edge) =>
      edge.kind === 'condition' && edge.condition !== undefined && evaluateCondition(edge.condition, token.attributes),
  );
  const chosen = matched ?? edges.find((edge) => edge.kind === 'default');
  if (chosen === undefined) throw new Error(`Decision "${node.key}" has no default edge`);
  return chosen;
}

function split(walk: Walk, parent: Token, node: GraphNode): void {
  const branches = walk.graph.outgoing(node.key);
  const joinKey = walk.graph.joinOf(node.key);
  // Every child exists before any moves: a branch that reaches the join at once must see its siblings.
  const children: Token[] = branches.map((_, i) => ({
    id: walk.context.newId(),
    serial: `${parent.serial}.${i + 1}`,
    orderId: parent.orderId,
    parentId: parent.id,
    replacesId: null,
    state: 'active',
    nodeKey: node.key,
    attributes: parent.attributes,
    reworkPasses: {},
  }));
  applyToToken(walk, parent.id, {
    type: 'split',
    joinKey,
    childIds: children.map((child) => child.id),
    now: walk.context.now,
  });
  for (const child of children) walk.changes.insertToken(child);
  branches.forEach(({ edge }, i) => moveAlong(walk, (children[i] as Token).id, edge));
}

function arriveAtJoin(walk: Walk, child: Token, node: GraphNode): void {
  if (child.parentId === null) throw new Error(`Token ${child.serial} reached join "${node.key}" without a parent`);
  const { now } = walk.context;
  applyToToken(walk, child.id, { type: 'arrive', now });
  // Children completed on an earlier pass of a rework loop around this split are history.
  const siblings = walk.changes
    .childrenOf(child.parentId)
    .filter((sibling) => sibling.state === 'active' || sibling.state === 'waiting');
  const allThere = siblings.every((sibling) => sibling.state === 'waiting' && sibling.nodeKey === node.key);
  if (!allThere) return;
  for (const sibling of siblings) applyToToken(walk, sibling.id, { type: 'complete', now });
  applyToToken(walk, child.parentId, { type: 'resume', now });
  moveAlong(walk, child.parentId, walk.graph.onlyEdge(node.key));
}
