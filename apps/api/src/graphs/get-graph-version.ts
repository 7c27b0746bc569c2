import type { Database } from '../db/database.ts';
import type { GraphVersion } from '@atelier/contracts';
import { findGraph, findVersion, toGraphVersion } from './graph-read-model.ts';

/** Version `number` of a graph (by UUID or code) with its body; its revision is the ETag. */
export async function getGraphVersion(db: Database, idOrCode: string, number: number): Promise<GraphVersion> {
  const graph = await findGraph(db.prisma, idOrCode);
  return toGraphVersion(await findVersion(db.prisma, graph, number), graph.code);
}
