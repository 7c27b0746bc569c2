import type { Role } from '../auth/roles.ts';

/**
 * Event namespaces (the part of `type` before the first dot) that only admins may read: API key
 * management names integrator keys and their lookup prefixes, station management the shop-floor
 * devices and when they were paired. Everything else on the outbox is
 * shop-floor activity every signed-in role may follow.
 */
const ADMIN_ONLY_NAMESPACES: readonly string[] = ['api_key', 'station'];

/** The namespaces hidden from a caller with these roles (none for an admin). */
export function hiddenNamespaces(roles: readonly Role[]): readonly string[] {
  return roles.includes('admin') ? [] : ADMIN_ONLY_NAMESPACES;
}

/** Whether an event type is outside every hidden namespace. */
export function isVisibleType(hidden: readonly string[], type: string): boolean {
  return hidden.length === 0 || !hidden.includes(type.split('.', 1)[0] ?? type);
}
