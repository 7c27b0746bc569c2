import { randomUUID } from 'node:crypto';
import {
  InMemoryPiece,
  tokenMachine,
  type DomainEvent,
  type GraphNode,
  type RoutingGraph,
  type Token,
  type WorkItem,
} from '@atelier/domain';
import type { OpenState, PiecePlan } from './demo-orders.ts';

/**
 * Plays the demo factory's history: each piece is released and worked through the domain's
 * routing engine (`InMemoryPiece`), by operators who have the required skills, at plausible times
 * before `now`. The result is exactly what the API would have stored had people done the work.
 */

const MINUTE = 60_000;

/** An operator as the simulation needs them. */
export interface FloorOperator {
  readonly id: string;
  readonly displayName: string;
  readonly team: string;
  readonly present: boolean;
  readonly skills: Readonly<Record<string, number>>;
}

/** A domain event with who caused it (display name) and the operator it concerns, ready for the outbox. */
export interface ActedEvent {
  readonly event: DomainEvent;
  readonly actor: string;
  readonly operatorId: string | null;
}

/** One played piece: its tokens (root, children, replacement) and work items in their final state. */
export interface PlayedPiece {
  readonly tokens: Token[];
  readonly workItems: WorkItem[];
  readonly events: ActedEvent[];
  /** Cancellation type and reason per cancelled token id. */
  readonly cancellations: Map<string, { type: 'QC_FAIL'; reason: string }>;
}

/** Where and when a piece enters production. */
export interface PieceRelease {
  readonly serial: string;
  readonly orderId: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly at: Date;
  /** Atelier pieces stay with the same artisans of the atelier team. */
  readonly atelier: boolean;
  /** Position of the piece in its order, to spread atelier pieces over artisans. */
  readonly index: number;
}

/** A small deterministic generator, so every seeded database tells the same story. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The shop floor: operators, a clock bound (`now`) and whom each step went to. */
export class DemoFloor {
  private readonly random = mulberry32(20_260_112);
  private readonly turn = new Map<string, number>();
  /** Operators holding an in-progress item now: others are preferred for the next one. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly operators: readonly FloorOperator[],
    /** Display name of the manager who releases and cancels. */
    private readonly manager: string,
    private readonly now: Date,
  ) {}

  /** Releases one piece and plays its plan; every timestamp is before `now`. */
  play(graph: RoutingGraph, plan: PiecePlan, release: PieceRelease, replacesId?: string): PlayedPiece {
    const rootId = randomUUID();
    const piece = new InMemoryPiece(graph, {
      tokenId: rootId,
      serial: release.serial,
      orderId: release.orderId,
      attributes: { ...release.attributes },
      now: release.at,
      newId: randomUUID,
      ...(replacesId === undefined ? {} : { replacesId }),
    });
    const events: ActedEvent[] = [];
    let seen = 0;
    const record = (operator: FloorOperator | undefined): void => {
      const actor = operator?.displayName ?? this.manager;
      events.push(...piece.events.slice(seen).map((event) => ({ event, actor, operatorId: operator?.id ?? null })));
      seen = piece.events.length;
    };
    record(undefined);

    // Pieces further along were started earlier: each waits its turn at the first step.
    let clock = release.at.getTime() + (plan.done.length > 0 ? release.index * 20 * MINUTE : 0);
    const qcOutcomes = [...(plan.qc ?? [])];
    for (const nodeKey of plan.done) {
      const item = piece.itemAt(nodeKey);
      const node = this.node(graph, nodeKey);
      const operator = this.pick(node, release, false);
      const claimAt = Math.max(clock, item.createdAt.getTime()) + this.between(15, 120) * MINUTE;
      const startAt = claimAt + this.between(1, 6) * MINUTE;
      const doneAt = startAt + Math.round((node.config?.standardMinutes ?? 10) * (0.85 + this.random() * 0.4)) * MINUTE;
      this.check(doneAt, release.serial);
      const outcome = node.type === 'qc' ? (qcOutcomes.shift() ?? 'pass') : undefined;
      const refusal =
        piece.command(item.id, { type: 'claim', operatorId: operator.id, now: new Date(claimAt) }) ??
        piece.command(item.id, { type: 'start', operatorId: operator.id, now: new Date(startAt) }) ??
        piece.complete(
          item.id,
          operator.id,
          new Date(doneAt),
          randomUUID,
          outcome === undefined
            ? undefined
            : { result: outcome, reasonCodes: outcome === 'rework' ? ['LOOSE_RIVET'] : [] },
        );
      if (refusal !== undefined) throw new Error(`Demo piece ${release.serial}: ${nodeKey} refused (${refusal})`);
      record(operator);
      clock = doneAt;
    }

    for (const [nodeKey, state] of Object.entries(plan.open ?? {})) {
      const operator = this.leaveOpen(piece, graph, nodeKey, state, release, clock);
      if (operator !== undefined) record(operator);
    }

    const cancellations = new Map<string, { type: 'QC_FAIL'; reason: string }>();
    const played: PlayedPiece = { tokens: [], workItems: [], events, cancellations };
    if (plan.cancelled !== undefined) {
      const at = new Date(this.now.getTime() - this.between(20, 40) * MINUTE);
      this.cancel(piece, rootId, plan.cancelled.reason, at);
      record(undefined);
      cancellations.set(rootId, { type: 'QC_FAIL', reason: plan.cancelled.reason });
      const replacement = this.play(
        graph,
        plan.cancelled.replacement,
        { ...release, serial: `${release.serial}-R1`, at },
        rootId,
      );
      played.tokens.push(...replacement.tokens);
      played.workItems.push(...replacement.workItems);
      events.push(...replacement.events);
      events.push({
        event: {
          type: 'token.replaced',
          at,
          tokenId: rootId,
          nodeKey: piece.token(rootId).nodeKey,
          data: { replacementId: replacement.tokens[0]?.id },
        },
        actor: this.manager,
        operatorId: null,
      });
    }
    played.tokens.unshift(...piece.snapshot.tokens);
    played.workItems.unshift(...piece.snapshot.workItems);
    return played;
  }

  /** Claims (and starts, and pauses) an open item shortly before `now`, as the plan says; returns who did. */
  private leaveOpen(
    piece: InMemoryPiece,
    graph: RoutingGraph,
    nodeKey: string,
    state: OpenState,
    release: PieceRelease,
    clock: number,
  ): FloorOperator | undefined {
    if (state === 'ready') return undefined;
    const item = piece.itemAt(nodeKey);
    const operator = this.pick(this.node(graph, nodeKey), release, true);
    const claimAt = Math.max(clock, item.createdAt.getTime(), this.now.getTime() - this.between(40, 100) * MINUTE);
    const commands: { type: 'claim' | 'start' | 'pause'; at: number }[] = [{ type: 'claim', at: claimAt }];
    if (state === 'in_progress' || state === 'paused') commands.push({ type: 'start', at: claimAt + 3 * MINUTE });
    if (state === 'paused') commands.push({ type: 'pause', at: claimAt + 25 * MINUTE });
    for (const command of commands) {
      this.check(command.at, release.serial);
      const refusal = piece.command(item.id, {
        type: command.type,
        operatorId: operator.id,
        now: new Date(command.at),
      });
      if (refusal !== undefined)
        throw new Error(`Demo piece ${release.serial}: ${command.type} at ${nodeKey} refused (${refusal})`);
    }
    if (state === 'in_progress') this.busy.add(operator.id);
    return operator;
  }

  /** A manager's QC_FAIL cancellation: the piece and its open work items are cancelled. */
  private cancel(piece: InMemoryPiece, rootId: string, reason: string, at: Date): void {
    for (const item of piece.openItems()) {
      const refusal = piece.command(item.id, { type: 'cancel', reason, now: at });
      if (refusal !== undefined) throw new Error(`Demo cancellation refused (${refusal})`);
    }
    const decision = tokenMachine.apply(piece.token(rootId), {
      type: 'cancel',
      cancellation: 'QC_FAIL',
      reason,
      now: at,
    });
    if (!decision.ok) throw new Error(`Demo cancellation refused (${decision.code})`);
    piece.snapshot = {
      ...piece.snapshot,
      tokens: piece.snapshot.tokens.map((token) => (token.id === rootId ? decision.next : token)),
    };
    piece.events.push(...decision.events);
  }

  /**
   * Chooses who works a step: someone with the required skills (present today for work still
   * open), from the atelier for atelier pieces and from the line otherwise; line work rotates,
   * atelier pieces stay with one artisan.
   */
  private pick(node: GraphNode, release: PieceRelease, open: boolean): FloorOperator {
    const required = node.config?.skills ?? [];
    const able = this.operators.filter(
      (operator) =>
        (!open || operator.present) && required.every((skill) => (operator.skills[skill.code] ?? 0) >= skill.minLevel),
    );
    const preferred = able.filter((operator) => (operator.team === 'ATELIER') === release.atelier);
    let pool = preferred.length > 0 ? preferred : able;
    if (open) {
      const free = pool.filter((operator) => !this.busy.has(operator.id));
      if (free.length > 0) pool = free;
    }
    if (pool.length === 0) throw new Error(`No demo operator can work "${node.key}"`);
    const turn = release.atelier ? release.index : (this.turn.get(node.key) ?? 0);
    this.turn.set(node.key, turn + 1);
    return pool[turn % pool.length] as FloorOperator;
  }

  private node(graph: RoutingGraph, key: string): GraphNode {
    const node = graph.nodes.find((candidate) => candidate.key === key);
    if (node === undefined) throw new Error(`Routing ${graph.code} has no node "${key}"`);
    return node;
  }

  private between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private check(at: number, serial: string): void {
    if (at >= this.now.getTime())
      throw new Error(`Demo piece ${serial} would be worked in the future; release it earlier`);
  }
}
