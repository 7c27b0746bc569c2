import { randomUUID } from 'node:crypto';
import { DEFAULT_PRESETS, type RoutingGraph } from '@atelier/domain';
import type { Database } from '../db/database.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { appendEvents } from '../events/append-events.ts';
import type { NewEvent } from '../events/new-event.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { hashPassword } from '../auth/password.ts';
import { seedAssignmentDemo } from './demo-assignment.ts';
import { DemoFloor, type PlayedPiece } from './demo-floor.ts';
import { DEMO_ORDERS, type DemoOrder } from './demo-orders.ts';
import { DEMO_STATION_NAME, DEMO_STATION_WORK_CENTERS } from './demo-station.ts';
import { DEMO_OPERATORS, DEMO_SHIFTS, DEMO_SKILLS, DEMO_STAFF, DEMO_TEAMS, DEMO_WORK_CENTERS } from './demo-people.ts';
import { toPieceRows, type PieceRows } from './demo-rows.ts';
import { loadDemoRoutings, toteDraftV2 } from './demo-routings.ts';

/**
 * The demo data set: the factory's vocabulary, people, routings and orders with pieces at work,
 * written in one transaction. Seeding an empty database fills it; on any other it does nothing.
 */

const DAY = 24 * 60 * 60_000;
/** Serialises concurrent seeders (two replicas starting on one empty PostgreSQL). */
const SEED_LOCK_KEY = 4_242_026_001;

/** Options of {@link seedDemo}: the moment the story ends (timestamps are before it). */
export interface SeedDemoOptions {
  readonly now: Date;
}

/** What a seeding run did. */
export type SeedDemoResult =
  | { readonly seeded: true; readonly counts: Readonly<Record<string, number>> }
  | { readonly seeded: false; readonly reason: string };

/** True when no master data and no orders exist yet (a fresh database). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  return isEmpty(db.prisma);
}

async function isEmpty(client: Prisma.TransactionClient): Promise<boolean> {
  const found = await Promise.all([
    client.user.findFirst({ select: { id: true } }),
    client.workCenter.findFirst({ select: { id: true } }),
    client.routingGraph.findFirst({ select: { id: true } }),
    client.manufacturingOrder.findFirst({ select: { id: true } }),
    client.atelierJob.findFirst({ select: { id: true } }),
  ]);
  return found.every((row) => row === null);
}

/** Everything to insert, built before the transaction so it stays short. */
interface DemoData {
  skills: Prisma.SkillCreateManyInput[];
  workCenters: Prisma.WorkCenterCreateManyInput[];
  teams: Prisma.TeamCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  userSkills: Prisma.UserSkillCreateManyInput[];
  shifts: Prisma.ShiftCreateManyInput[];
  presets: Prisma.NodePresetCreateManyInput[];
  graphs: Prisma.RoutingGraphCreateManyInput[];
  versions: Prisma.GraphVersionCreateManyInput[];
  manufacturingOrders: Prisma.ManufacturingOrderCreateManyInput[];
  atelierJobs: Prisma.AtelierJobCreateManyInput[];
  pieces: PieceRows;
}

function idsByCode(rows: readonly { id?: string; code: string }[]): Map<string, string> {
  return new Map(rows.map((row) => [row.code, row.id as string]));
}

function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY);
}

/** A due date: the calendar day (UTC) `days` from now. */
function dueDate(now: Date, days: number): Date {
  const day = daysFrom(now, days);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
}

async function people(now: Date) {
  const skills = DEMO_SKILLS.map((skill) => ({ id: randomUUID(), ...skill, createdAt: daysFrom(now, -60) }));
  const workCenters = DEMO_WORK_CENTERS.map((center) => ({
    id: randomUUID(),
    ...center,
    createdAt: daysFrom(now, -60),
  }));
  const centerIds = idsByCode(workCenters);
  const teams = DEMO_TEAMS.map((team) => ({
    id: randomUUID(),
    code: team.code,
    name: team.name,
    workCenterId: team.workCenter === null ? null : (centerIds.get(team.workCenter) ?? null),
  }));
  const teamIds = idsByCode(teams);
  const skillIds = idsByCode(skills);

  const operators = await Promise.all(
    DEMO_OPERATORS.map(async (operator) => ({
      id: randomUUID(),
      username: operator.username,
      displayName: operator.displayName,
      roles: ['operator' as const],
      teamId: teamIds.get(operator.team) ?? null,
      present: operator.present,
      pinHash: await hashPassword(operator.pin),
      badgeId: operator.badgeId,
      createdAt: daysFrom(now, -60),
    })),
  );
  const staff = await Promise.all(
    DEMO_STAFF.map(async (member) => ({
      id: randomUUID(),
      username: member.username,
      displayName: member.displayName,
      roles: [...member.roles],
      present: true,
      passwordHash: await hashPassword(member.password),
      createdAt: daysFrom(now, -60),
    })),
  );
  const userSkills = DEMO_OPERATORS.flatMap((operator, index) =>
    Object.entries(operator.skills).map(([code, level]) => ({
      userId: operators[index]?.id as string,
      skillId: skillIds.get(code) as string,
      level,
    })),
  );
  const shifts = DEMO_SHIFTS.map((shift) => {
    const team = DEMO_TEAMS.find((candidate) => candidate.code === shift.team);
    return {
      code: shift.code,
      name: shift.name,
      startMinute: shift.startMinute,
      endMinute: shift.endMinute,
      weekdays: shift.weekdays,
      teamId: teamIds.get(shift.team) ?? null,
      workCenterId: team?.workCenter ? (centerIds.get(team.workCenter) ?? null) : null,
    };
  });
  return { skills, workCenters, centerIds, teams, operators, staff, userSkills, shifts };
}

function routings(now: Date) {
  const graphs = loadDemoRoutings();
  const rows = Object.values(graphs).map((graph) => ({
    id: randomUUID(),
    code: graph.code,
    name: graph.name,
    createdAt: daysFrom(now, -40),
  }));
  const published = new Map<string, { graph: RoutingGraph; graphId: string; versionId: string }>();
  const versions: Prisma.GraphVersionCreateManyInput[] = [];
  for (const row of rows) {
    const graph = graphs[row.code as keyof typeof graphs];
    const versionId = randomUUID();
    published.set(row.code, { graph, graphId: row.id, versionId });
    versions.push({
      id: versionId,
      graphId: row.id,
      number: 1,
      status: 'published',
      body: graph as unknown as Prisma.InputJsonObject,
      revision: 4,
      createdAt: daysFrom(now, -40),
      updatedAt: daysFrom(now, -30),
      publishedAt: daysFrom(now, -30),
    });
  }
  const tote = published.get('TOTE-01');
  if (tote !== undefined) {
    versions.push({
      graphId: tote.graphId,
      number: 2,
      status: 'draft',
      body: toteDraftV2(tote.graph) as unknown as Prisma.InputJsonObject,
      revision: 3,
      createdAt: daysFrom(now, -2),
      updatedAt: daysFrom(now, -0.1),
    });
  }
  return { graphs: rows, versions, published };
}

/** Display name of a demo staff member, as events record who acted. */
function staffName(username: string): string {
  return DEMO_STAFF.find((member) => member.username === username)?.displayName ?? username;
}

/**
 * Order-level events (created, released, started, completed), told by the manager. As in the
 * engine, an order starts once work moves on its pieces; the demo's work starts at release.
 */
function orderEvents(
  order: DemoOrder,
  orderId: string,
  createdAt: Date,
  releasedAt: Date | null,
  completedAt: Date | null,
): NewEvent[] {
  const data = { code: order.code, kind: order.kind === 'manufacturingOrder' ? 'manufacturing_order' : 'atelier_job' };
  const actor = staffName('manager');
  const events: NewEvent[] = [{ type: 'order.created', at: createdAt, actor, orderId, data }];
  if (releasedAt !== null) events.push({ type: 'order.released', at: releasedAt, actor, orderId, data });
  if (releasedAt !== null && (order.status === 'in_progress' || order.status === 'completed')) {
    events.push({ type: 'order.started', at: releasedAt, actor, orderId, data });
  }
  if (completedAt !== null) events.push({ type: 'order.completed', at: completedAt, actor, orderId, data });
  return events;
}

async function buildDemoData(now: Date): Promise<DemoData> {
  const crew = await people(now);
  const routing = routings(now);
  const floor = new DemoFloor(
    DEMO_OPERATORS.map((operator, index) => ({ ...operator, id: crew.operators[index]?.id as string })),
    staffName('manager'),
    now,
  );
  const pieces: PieceRows = { tokens: [], workItems: [], operators: [], timeLogs: [], events: [] };
  const manufacturingOrders: Prisma.ManufacturingOrderCreateManyInput[] = [];
  const atelierJobs: Prisma.AtelierJobCreateManyInput[] = [];
  const moIds = new Map<string, string>();
  const orderLevelEvents: NewEvent[] = [];

  for (const order of DEMO_ORDERS) {
    const orderId = randomUUID();
    const route = routing.published.get(order.routing);
    if (route === undefined) throw new Error(`Demo order ${order.code} uses unknown routing ${order.routing}`);
    const createdAt = daysFrom(now, -order.createdDaysAgo);
    const releasedAt = order.releasedDaysAgo === undefined ? null : daysFrom(now, -order.releasedDaysAgo);
    const played: PlayedPiece[] = order.pieces.map((plan, index) =>
      floor.play(route.graph, plan, {
        serial: `${order.code}-${String(index + 1).padStart(3, '0')}`,
        orderId,
        attributes: { ...order.attributes, ...plan.attributes },
        at: releasedAt ?? now,
        atelier: order.kind === 'atelierJob',
        index,
      }),
    );
    const rows = toPieceRows(
      {
        orderKind: order.kind,
        orderId,
        graph: route.graph,
        graphVersionId: route.versionId,
        workCenters: crew.centerIds,
      },
      played,
    );
    const completedAt =
      order.status === 'completed'
        ? new Date(
            Math.max(
              ...rows.tokens.map((token) => (token.completedAt instanceof Date ? token.completedAt.getTime() : 0)),
            ),
          )
        : null;
    const common = {
      id: orderId,
      code: order.code,
      product: order.product,
      dueDate: dueDate(now, order.dueInDays),
      status: order.status,
      priority: order.priority ?? 0,
      graphId: route.graphId,
      graphVersionId: releasedAt === null ? null : route.versionId,
      createdAt,
      updatedAt: completedAt ?? releasedAt ?? createdAt,
      releasedAt,
      completedAt,
    };
    if (order.kind === 'manufacturingOrder') {
      moIds.set(order.code, orderId);
      manufacturingOrders.push({ ...common, client: order.party ?? '', targetQuantity: order.quantity });
    } else {
      atelierJobs.push({
        ...common,
        customer: order.party,
        quantity: order.quantity,
        moId: order.mo === undefined ? null : (moIds.get(order.mo) ?? null),
      });
    }
    orderLevelEvents.push(...orderEvents(order, orderId, createdAt, releasedAt, completedAt));
    pieces.tokens.push(...rows.tokens);
    pieces.workItems.push(...rows.workItems);
    pieces.operators.push(...rows.operators);
    pieces.timeLogs.push(...rows.timeLogs);
    pieces.events.push(...rows.events);
  }

  const publishEvents: NewEvent[] = routing.graphs.map((graph) => ({
    type: 'graph_version.published',
    at: daysFrom(now, -30),
    actor: staffName('designer'),
    data: { code: graph.code, version: 1 },
  }));
  // One timeline: the outbox's seq order is the order things happened in.
  const time = (event: NewEvent) => event.at?.getTime() ?? 0;
  pieces.events = [...publishEvents, ...orderLevelEvents, ...pieces.events].sort((a, b) => time(a) - time(b));
  // Parents and replaced pieces before the tokens that reference them.
  const rank = (token: Prisma.TokenCreateManyInput) => (token.parentId ? 2 : token.replacesId ? 1 : 0);
  pieces.tokens.sort((a, b) => rank(a) - rank(b));

  return {
    skills: crew.skills,
    workCenters: crew.workCenters,
    teams: crew.teams,
    users: [...crew.staff, ...crew.operators],
    userSkills: crew.userSkills,
    shifts: crew.shifts,
    presets: DEFAULT_PRESETS.map((preset) => ({
      code: preset.code,
      name: preset.name,
      nodeType: preset.nodeType,
      config: preset.config as Prisma.InputJsonObject,
      builtin: true,
    })),
    graphs: routing.graphs,
    versions: routing.versions,
    manufacturingOrders,
    atelierJobs,
    pieces,
  };
}

/** The demo's registered station, serving {@link DEMO_STATION_WORK_CENTERS}; unpaired (see `STATION_AUTO_PAIR`). */
function demoStation(workCenters: readonly Prisma.WorkCenterCreateManyInput[]): Prisma.StationCreateInput {
  const ids = DEMO_STATION_WORK_CENTERS.map((code) => workCenters.find((center) => center.code === code)?.id);
  return {
    name: DEMO_STATION_NAME,
    workCenters: { create: ids.filter((id) => id !== undefined).map((workCenterId) => ({ workCenterId })) },
  };
}

/**
 * Loads the demo data set into an empty database, in one transaction; on a database that already
 * holds data it changes nothing and says so. `now` ends the story: the history of every piece
 * happened before it and due dates count from it.
 */
export async function seedDemo(db: Database, { now }: SeedDemoOptions): Promise<SeedDemoResult> {
  if (!(await isDatabaseEmpty(db))) return { seeded: false, reason: 'the database already holds data' };
  const data = await buildDemoData(now);
  return db.prisma.$transaction(
    async (tx): Promise<SeedDemoResult> => {
      await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})::text`);
      if (!(await isEmpty(tx))) return { seeded: false, reason: 'the database already holds data' };
      await tx.skill.createMany({ data: data.skills });
      await tx.workCenter.createMany({ data: data.workCenters });
      await tx.team.createMany({ data: data.teams });
      await tx.user.createMany({ data: data.users });
      await tx.userSkill.createMany({ data: data.userSkills });
      await tx.shift.createMany({ data: data.shifts });
      await tx.station.create({ data: demoStation(data.workCenters) });
      await tx.nodePreset.createMany({ data: data.presets });
      await tx.routingGraph.createMany({ data: data.graphs });
      await tx.graphVersion.createMany({ data: data.versions });
      await tx.manufacturingOrder.createMany({ data: data.manufacturingOrders });
      await tx.atelierJob.createMany({ data: data.atelierJobs });
      await tx.token.createMany({ data: data.pieces.tokens });
      await tx.workItem.createMany({ data: data.pieces.workItems });
      await tx.workItemOperator.createMany({ data: data.pieces.operators });
      await tx.timeLog.createMany({ data: data.pieces.timeLogs });
      await appendEvents(prismaRunner(tx), data.pieces.events);
      const manager = await tx.user.findUniqueOrThrow({
        where: { username: 'manager' },
        select: { id: true, displayName: true },
      });
      await seedAssignmentDemo(db, prismaRunner(tx), now, {
        kind: 'user',
        userId: manager.id,
        apiKeyId: null,
        roles: ['manager'],
        displayName: manager.displayName,
        station: false,
      });
      return {
        seeded: true,
        counts: {
          users: data.users.length,
          workCenters: data.workCenters.length,
          routings: data.graphs.length,
          manufacturingOrders: data.manufacturingOrders.length,
          atelierJobs: data.atelierJobs.length,
          tokens: data.pieces.tokens.length,
          workItems: data.pieces.workItems.length,
          events: data.pieces.events.length,
        },
      };
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
}
