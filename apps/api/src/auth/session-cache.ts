import type { Actor } from './actor.ts';

/** How long a resolved session is trusted without asking the database again. */
const DEFAULT_TTL_MS = 5_000;
/** Sessions remembered at most (a factory has hundreds of tablets and desks, not tens of thousands). */
const DEFAULT_MAX_ENTRIES = 10_000;

/** The NOTIFY channel on which the database announces changes to sessions or users (a trigger sends it). */
export const AUTH_CHANGED_CHANNEL = 'atelier_auth';

/**
 * Sessions this process resolved recently, by token hash, so a busy tablet's every command does
 * not cost a session lookup. Any change to sessions or users anywhere (log-out, deactivation, a
 * role change) clears it through the `atelier_auth` NOTIFY of a database trigger. While the LISTEN
 * connection is down, notifications can be lost, so the cache keeps nothing until it is back.
 */
export interface SessionCache {
  /** The actor of a session resolved less than the TTL ago and not yet expired. */
  get(tokenHash: string, now: number): Actor | undefined;
  /** A ticket to store a lookup's result: a lookup that started before a clear must not be stored. */
  ticket(): number;
  set(ticket: number, tokenHash: string, actor: Actor, expiresAt: number, now: number): void;
  /** Forgets everything (sessions or users changed). */
  clear(): void;
  /**
   * Forgets everything and, while `remembering` is false, keeps nothing: for when changes may go
   * unannounced (the LISTEN connection is down), every request then reads its session afresh.
   */
  remember(remembering: boolean): void;
}

export function createSessionCache(options: { ttlMs?: number; maxEntries?: number } = {}): SessionCache {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries = new Map<string, { actor: Actor; validUntil: number }>();
  let generation = 0;
  let remembering = true;
  const clear = (): void => {
    generation += 1;
    entries.clear();
  };
  return {
    get(tokenHash, now) {
      if (!remembering) return undefined;
      const entry = entries.get(tokenHash);
      if (entry === undefined) return undefined;
      if (entry.validUntil > now) return entry.actor;
      entries.delete(tokenHash);
      return undefined;
    },
    ticket: () => generation,
    set(ticket, tokenHash, actor, expiresAt, now) {
      if (ticket !== generation || !remembering) return;
      // A Map iterates in insertion order: the first key is the oldest entry.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(tokenHash, { actor, validUntil: Math.min(now + ttlMs, expiresAt) });
    },
    clear,
    remember(on) {
      remembering = on;
      clear();
    },
  };
}
