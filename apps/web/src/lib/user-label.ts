import type { Role } from '@atelier/contracts';

/** How each role is named to people. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  designer: 'Graph designer',
  manager: 'Production manager',
  operator: 'Operator',
  integrator: 'Integrator',
};

/** A user's roles as one line for the header, in the order the API lists them. */
export function describeRoles(roles: readonly Role[]): string {
  return roles.length === 0 ? 'No role' : roles.map((role) => ROLE_LABELS[role]).join(', ');
}

/** Up to two initials for an avatar: first and last word of the name (`Élodie Marchand` → `ÉM`). */
export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const initial = (word: string) => (Array.from(word)[0] ?? '').toLocaleUpperCase();
  return initial(first) + (last === undefined ? '' : initial(last));
}
