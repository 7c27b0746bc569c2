import type { Database } from '../db/database.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** A fixture routing in the interchange format, as tests and benchmarks write it. */
export interface FixtureRoutingJson {
  readonly format: 'routing-graph/v1';
  readonly code: string;
  readonly name: string;
  readonly nodes: readonly object[];
  readonly edges: readonly object[];
}

/** `normal` edges along a path of node keys: `a → b → c` gives two edges. */
export function normalEdges(...keys: readonly string[]): { from: string; to: string; kind: 'normal' }[] {
  return keys.slice(1).map((to, index) => ({ from: keys[index] as string, to, kind: 'normal' as const }));
}

/** Options of {@link insertPublishedRouting}. */
export interface PublishedRoutingOptions {
  /** Work centers the routing's steps use, by code → name; created when missing. */
  readonly workCenters?: Readonly<Record<string, string>>;
  /** Capacity of work centers created here. */
  readonly capacity?: number;
}

/** What {@link insertPublishedRouting} created or found. */
export interface PublishedRouting {
  readonly graphId: string;
  readonly graphVersionId: string;
  /** Work-center ids by code. */
  readonly workCenterIds: Readonly<Record<string, string>>;
}

/**
 * Inserts a fixture routing with version 1 published, and its work centers, once per database: a
 * second call with the same code returns the same rows, so test files may share a database.
 */
export async function insertPublishedRouting(
  db: Database,
  json: FixtureRoutingJson,
  options: PublishedRoutingOptions = {},
): Promise<PublishedRouting> {
  const workCenterIds: Record<string, string> = {};
  for (const [code, name] of Object.entries(options.workCenters ?? {})) {
    const center = await db.prisma.workCenter.upsert({
      where: { code },
      update: {},
      create: { code, name, capacity: options.capacity ?? 2 },
      select: { id: true },
    });
    workCenterIds[code] = center.id;
  }
  const graph = await db.prisma.routingGraph.upsert({
    where: { code: json.code },
    update: {},
    create: { code: json.code, name: json.name },
  });
  const existing = await db.prisma.graphVersion.findFirst({
    where: { graphId: graph.id, number: 1 },
    select: { id: true },
  });
  return {
    graphId: graph.id,
    graphVersionId: existing?.id ?? (await publishRoutingVersion(db, graph.id, 1, json)),
    workCenterIds,
  };
}

/** Inserts version `number` of a fixture routing, published; returns its id. */
export async function publishRoutingVersion(
  db: Database,
  graphId: string,
  number: number,
  json: FixtureRoutingJson,
): Promise<string> {
  const version = await db.prisma.graphVersion.create({
    data: {
      graphId,
      number,
      status: 'published',
      publishedAt: new Date(),
      body: json as unknown as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
  return version.id;
}
