import { nextState } from './transition-table.ts';
import type { CancellationType, Decision, DomainEvent, Token, TokenState, TransitionTable } from './types.ts';

/** Commands that change a token. Time is injected; the routing engine is the only normal caller. */
export type TokenCommand =
  | { type: 'move'; to: string; edgeKind: string; rework?: { edgeKey: string; maxPasses: number }; now: Date }
  | { type: 'split'; joinKey: string; childIds: string[]; now: Date }
  | { type: 'arrive'; now: Date }
  | { type: 'hold'; reason: string; now: Date }
  | { type: 'resume'; now: Date }
  | { type: 'complete'; now: Date }
  | { type: 'cancel'; cancellation: CancellationType; reason: string; now: Date };

export type TokenCommandType = TokenCommand['type'];

/** Why a token command was refused. */
export type TokenRefusal = 'TOKEN_CLOSED' | 'INVALID_TRANSITION';

/**
 * Token transitions. `split` parks a parent until its children meet at the join; `arrive` parks a
 * child at its join until its siblings are there; `hold` parks a token for a manager decision.
 */
export const tokenTransitions = {
  active: {
    move: 'active',
    split: 'waiting',
    arrive: 'waiting',
    hold: 'waiting',
    complete: 'completed',
    cancel: 'cancelled',
  },
  waiting: { resume: 'active', complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
} as const satisfies TransitionTable<TokenState, TokenCommandType>;

const table: TransitionTable<TokenState, TokenCommandType> = tokenTransitions;

function can(state: TokenState, command: TokenCommandType): boolean {
  return nextState(table, state, command) !== undefined;
}

function event(
  token: Token,
  type: DomainEvent['type'],
  at: Date,
  data: Record<string, unknown>,
  nodeKey = token.nodeKey,
): DomainEvent {
  return { type, at, tokenId: token.id, nodeKey, data };
}

function apply(token: Token, command: TokenCommand): Decision<Token, TokenRefusal> {
  const state = nextState(table, token.state, command.type);
  if (state === undefined) {
    return {
      ok: false,
      code: token.state === 'completed' || token.state === 'cancelled' ? 'TOKEN_CLOSED' : 'INVALID_TRANSITION',
    };
  }
  const at = command.now;
  switch (command.type) {
    case 'move': {
      const moved = event(
        token,
        'token.moved',
        at,
        { from: token.nodeKey, to: command.to, edgeKind: command.edgeKind },
        command.to,
      );
      if (command.rework === undefined)
        return { ok: true, next: { ...token, state, nodeKey: command.to }, events: [moved] };
      // A rework move counts one more pass on its edge, so the loop can be capped at maxPasses.
      const { edgeKey, maxPasses } = command.rework;
      const passes = (token.reworkPasses[edgeKey] ?? 0) + 1;
      const next = { ...token, state, nodeKey: command.to, reworkPasses: { ...token.reworkPasses, [edgeKey]: passes } };
      return { ok: true, next, events: [event(token, 'token.reworked', at, { edgeKey, passes, maxPasses }), moved] };
    }
    case 'split': {
      // The parent waits at the matching join: that is where it continues once its children meet.
      const next = { ...token, state, nodeKey: command.joinKey };
      return {
        ok: true,
        next,
        events: [event(token, 'token.split', at, { joinKey: command.joinKey, childIds: command.childIds })],
      };
    }
    case 'arrive':
      return { ok: true, next: { ...token, state }, events: [event(token, 'token.arrived', at, {})] };
    case 'hold':
      return {
        ok: true,
        next: { ...token, state },
        events: [event(token, 'token.held', at, { reason: command.reason })],
      };
    case 'resume':
      return { ok: true, next: { ...token, state }, events: [event(token, 'token.resumed', at, {})] };
    case 'complete':
      return { ok: true, next: { ...token, state }, events: [event(token, 'token.completed', at, {})] };
    case 'cancel':
      return {
        ok: true,
        next: { ...token, state },
        events: [event(token, 'token.cancelled', at, { cancellation: command.cancellation, reason: command.reason })],
      };
  }
}

/**
 * The token state machine: `can(state, command)` reads the table; `apply(token, command)` returns
 * the next token and its events, or a refusal code.
 */
export const tokenMachine = { transitions: tokenTransitions, can, apply } as const;
