import type { GraphEdge } from '../graph/graph-schema.ts';
import type { Token } from '../state/types.ts';
import { edgeKey, routeGraph } from './route-graph.ts';
import type { TestFactory } from './test-factory.ts';

/**
 * Every invariant of SPEC §2 that must hold between two steps, as a list of violations (empty
 * when all hold). Test support for the property tests.
 */
export function checkInvariants(factory: TestFactory): string[] {
  const graph = routeGraph(factory.graph);
  const problems: string[] = [];
  const tokens = [...factory.tokens.values()];
  const open = factory.openItems();
  const openByToken = new Map<string, number>();
  for (const item of open) openByToken.set(item.tokenId, (openByToken.get(item.tokenId) ?? 0) + 1);
  const heldTokens = new Set(factory.inbox.map((item) => item.tokenId));
  const maxPasses = new Map(
    graph.index.graph.edges
      .filter((edge) => edge.kind === 'rework')
      .map((edge: GraphEdge) => [edgeKey(edge), edge.maxPasses ?? 0]),
  );
  const childrenOf = (token: Token) => tokens.filter((t) => t.parentId === token.id);
  const descendantsOpen = (token: Token): boolean =>
    childrenOf(token).some((child) => child.state === 'active' || child.state === 'waiting' || descendantsOpen(child));

  for (const item of open) {
    const token = factory.tokens.get(item.tokenId);
    if (token?.state !== 'active')
      problems.push(`open item ${item.id} belongs to ${token?.state ?? 'missing'} token ${item.tokenId}`);
    else if (token.nodeKey !== item.nodeKey)
      problems.push(`open item ${item.id} at ${item.nodeKey} but its token is at ${token.nodeKey}`);
  }

  for (const token of tokens) {
    const node = graph.node(token.nodeKey);
    const name = `${token.serial} (${token.state} at ${token.nodeKey})`;
    for (const [key, passes] of Object.entries(token.reworkPasses)) {
      if (passes > (maxPasses.get(key) ?? 0))
        problems.push(`${name} took rework ${key} ${passes} times, max ${maxPasses.get(key)}`);
    }
    const parent = token.parentId === null ? undefined : factory.tokens.get(token.parentId);
    switch (token.state) {
      case 'active':
        // An active token rests only at a work step, with exactly one open work item there.
        if (node.type !== 'operation' && node.type !== 'qc') problems.push(`${name} rests at a ${node.type} node`);
        if (openByToken.get(token.id) !== 1)
          problems.push(`${name} has ${openByToken.get(token.id) ?? 0} open work items`);
        break;
      case 'waiting': {
        // Children completed at an earlier join (or an earlier pass of a rework loop) are history.
        const children = childrenOf(token).filter((child) => child.state !== 'completed');
        if (children.length > 0) {
          // A parent waits at its split's join; all its children are accounted for there or on the way.
          if (node.type !== 'join') problems.push(`${name} waits for children away from a join`);
          if (children.some((child) => child.state === 'cancelled'))
            problems.push(`${name} waits for cancelled children`);
          if (children.every((child) => child.state === 'waiting' && child.nodeKey === token.nodeKey))
            problems.push(`${name}: all children arrived but the join did not fire`);
        } else if (node.type === 'join') {
          if (parent?.state !== 'waiting' || parent.nodeKey !== token.nodeKey)
            problems.push(`${name} waits at a join its parent is not waiting at`);
        } else if (node.type !== 'qc' || !heldTokens.has(token.id)) {
          problems.push(`${name} waits with no children, no join and no inbox item`);
        }
        if (openByToken.has(token.id)) problems.push(`${name} waits yet has an open work item`);
        break;
      }
      case 'completed':
        if (token.parentId === null ? node.type !== 'end' : node.type !== 'join')
          problems.push(`${name} completed at a ${node.type} node`);
        if (descendantsOpen(token)) problems.push(`${name} completed with open descendants`);
        break;
      case 'cancelled':
        if (descendantsOpen(token)) problems.push(`${name} cancelled with open descendants`);
        if (parent !== undefined && parent.state !== 'cancelled')
          problems.push(`${name} cancelled but its parent is ${parent.state}`);
        break;
    }
  }
  for (const root of tokens.filter((token) => token.parentId === null))
    problems.push(...checkPiece(factory, root, tokens));
  return problems;
}

/**
 * A released piece is exactly one of completed, cancelled or in flight, and in flight means it can
 * still move: some token has an open work item or waits for a manager decision. Nothing is stuck.
 */
function checkPiece(factory: TestFactory, root: Token, tokens: readonly Token[]): string[] {
  const members = tokens.filter((token) => factory.rootOf(token).id === root.id);
  const live = members.filter((token) => token.state === 'active' || token.state === 'waiting');
  const movable = live.some(
    (token) =>
      factory.openItems().some((item) => item.tokenId === token.id) ||
      factory.inbox.some((item) => item.tokenId === token.id),
  );
  const name = `piece ${root.serial}`;
  if (root.state === 'completed' || root.state === 'cancelled')
    return live.length > 0 ? [`${name} is ${root.state} but ${live.length} of its tokens are still live`] : [];
  return movable ? [] : [`${name} is in flight but nothing can move it`];
}
