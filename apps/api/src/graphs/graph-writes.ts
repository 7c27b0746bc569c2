import { GRAPH_FORMAT, type RoutingGraph } from '@atelier/domain';
import type { Actor } from '../auth/actor.ts';
import type { NewEvent } from '../events/run-command.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { conflictOnDuplicate } from '../catalog/unique-violation.ts';
import { graphEvent } from './graph-command.ts';
import type { GraphRow } from './graph-read-model.ts';

/** Where a new draft's body came from, for the audit trail. */
export type DraftOrigin = { kind: 'new' } | { kind: 'copy'; from: number } | { kind: 'import' };

/** The body of a new graph's first draft when none is given: a start wired to an end. */
export function starterBody(code: string, name: string): RoutingGraph {
  return {
    format: GRAPH_FORMAT,
    code,
    name,
    nodes: [
      { key: 'start', type: 'start', name: 'Start', position: { x: 0, y: 0 } },
      { key: 'end', type: 'end', name: 'End', position: { x: 320, y: 0 } },
    ],
    edges: [{ from: 'start', to: 'end', kind: 'normal' }],
  };
}

/** Inserts a routing graph row; a taken code is a 409 `GRAPH_CODE_TAKEN`. */
export async function insertGraph(
  tx: Prisma.TransactionClient,
  actor: Actor,
  code: string,
  name: string,
): Promise<{ id: string; code: string; events: NewEvent[] }> {
  const graph = await conflictOnDuplicate(
    () => tx.routingGraph.create({ data: { code, name }, select: { id: true, code: true } }),
    'GRAPH_CODE_TAKEN',
    `A routing graph with the code "${code}" exists already; add a version to it instead.`,
  );
  return { ...graph, events: [graphEvent(actor, 'graph.created', graph, null, { name })] };
}

/**
 * Adds the next version of a locked graph as a draft with `body`. A graph has at most one draft:
 * a second is a 409 `DRAFT_EXISTS` naming the open one.
 */
export async function insertDraft(
  tx: Prisma.TransactionClient,
  actor: Actor,
  graph: Pick<GraphRow, 'id' | 'code' | 'versions'>,
  body: RoutingGraph,
  origin: DraftOrigin,
): Promise<{ number: number; events: NewEvent[] }> {
  const open = graph.versions.find((version) => version.status === 'draft');
  if (open !== undefined) {
    throw new HttpProblem(
      409,
      'DRAFT_EXISTS',
      `Routing graph ${graph.code} already has draft v${open.number}; edit, publish or retire it first.`,
      {
        draft: open.number,
      },
    );
  }
  const number = Math.max(0, ...graph.versions.map((version) => version.number)) + 1;
  await tx.graphVersion.create({
    data: { graphId: graph.id, number, status: 'draft', body: body as unknown as Prisma.InputJsonObject },
    select: { id: true },
  });
  return { number, events: [graphEvent(actor, 'graph_version.drafted', graph, { number, revision: 0 }, { origin })] };
}
