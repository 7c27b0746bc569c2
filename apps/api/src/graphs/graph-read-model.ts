import type { RoutingGraph } from '@atelier/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { GraphDetail, GraphSummary, GraphVersion, GraphVersionSummary } from '@atelier/contracts';

/** Reading routing graphs and versions, shared by every graph use case. */

type Client = Prisma.TransactionClient;

/** Columns of a version without its body. */
export const versionSummarySelect = {
  id: true,
  number: true,
  status: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  retiredAt: true,
} as const;

/** A graph row with the number and status of each of its versions, newest first. */
export const graphSelect = {
  id: true,
  code: true,
  name: true,
  updatedAt: true,
  versions: { select: versionSummarySelect, orderBy: { number: 'desc' } },
} as const;

type VersionSummaryRow = Prisma.GraphVersionGetPayload<{ select: typeof versionSummarySelect }>;
/** A graph row with its versions (no bodies). */
export type GraphRow = Prisma.RoutingGraphGetPayload<{ select: typeof graphSelect }>;
type VersionRow = VersionSummaryRow & { graphId: string; body: Prisma.JsonValue };

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A version as listed. */
export function toVersionSummary(row: VersionSummaryRow): GraphVersionSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    retiredAt: iso(row.retiredAt),
  };
}

/** A graph as listed: the newest published version is what new orders release on. */
export function toGraphSummary(row: GraphRow): GraphSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    latestPublished: row.versions.find((version) => version.status === 'published')?.number ?? null,
    draft: row.versions.find((version) => version.status === 'draft')?.number ?? null,
    versionCount: row.versions.length,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A graph with its versions. */
export function toGraphDetail(row: GraphRow): GraphDetail {
  return { ...toGraphSummary(row), versions: row.versions.map(toVersionSummary) };
}

/** The stored body of a version. Every write went through `parseGraph`, so it is a valid document. */
export function versionBody(row: { body: Prisma.JsonValue }): RoutingGraph {
  return row.body as unknown as RoutingGraph;
}

/** A version with its body. */
export function toGraphVersion(row: VersionRow, code: string): GraphVersion {
  return { ...toVersionSummary(row), graphId: row.graphId, code, body: versionBody(row) };
}

/** A graph by UUID or code with its versions; 404 `GRAPH_NOT_FOUND`. */
export async function findGraph(client: Client, idOrCode: string): Promise<GraphRow> {
  const row = await client.routingGraph.findUnique({ where: byIdOrCode(idOrCode), select: graphSelect });
  if (row === null) throw new HttpProblem(404, 'GRAPH_NOT_FOUND', `No routing graph has the id or code "${idOrCode}".`);
  return row;
}

function versionNotFound(graph: { code: string }, number: number): HttpProblem {
  return new HttpProblem(404, 'GRAPH_VERSION_NOT_FOUND', `Routing graph ${graph.code} has no version ${number}.`);
}

/** Version `number` of a graph with its body; 404 `GRAPH_VERSION_NOT_FOUND`. */
export async function findVersion(
  client: Client,
  graph: { id: string; code: string },
  number: number,
): Promise<VersionRow> {
  const row = await client.graphVersion.findUnique({
    where: { graphId_number: { graphId: graph.id, number } },
    select: { ...versionSummarySelect, graphId: true, body: true },
  });
  if (row === null) throw versionNotFound(graph, number);
  return row;
}

/** Version `number` of a graph without its body (a large graph's body is hundreds of kB); 404 `GRAPH_VERSION_NOT_FOUND`. */
export async function findVersionSummary(
  client: Client,
  graph: { id: string; code: string },
  number: number,
): Promise<VersionSummaryRow> {
  const row = await client.graphVersion.findUnique({
    where: { graphId_number: { graphId: graph.id, number } },
    select: versionSummarySelect,
  });
  if (row === null) throw versionNotFound(graph, number);
  return row;
}
