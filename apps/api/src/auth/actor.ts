import type { Role } from './roles.ts';

/**
 * Who is calling: a signed-in user (browser session or station PIN session) or an integrator's
 * API key. Set by the auth plugin on every authenticated `/api/v1` request as `request.actor`.
 */
export interface Actor {
  readonly kind: 'user' | 'apiKey' | 'system';
  /** The user, for sessions; null for API keys. */
  readonly userId: string | null;
  /** The key, for API keys; null for sessions. */
  readonly apiKeyId: string | null;
  readonly roles: readonly Role[];
  /** A person's name or an API key's name, for audit trails and messages. */
  readonly displayName: string;
  /** True for a PIN login on a shop-floor station. */
  readonly station: boolean;
}

/**
 * A stable reference to the actor, `user:<uuid>` or `api-key:<uuid>` (`system:<name>` for the
 * server's own timers): the `actor` of event rows and the scope of idempotency keys, so a key sent
 * by one caller never replays another's response.
 */
export function actorRef(actor: Actor): string {
  if (actor.kind === 'system') return `system:${actor.displayName}`;
  return actor.kind === 'user' ? `user:${actor.userId}` : `api-key:${actor.apiKeyId}`;
}

/** True when the actor holds at least one of `roles`. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}
