import type { Role } from '@atelier/contracts';
import type { TFunction } from 'i18next';

/** How a role is named to people (explicit keys, so the catalog check sees each). */
export function roleLabel(t: TFunction<'common'>, role: Role): string {
  switch (role) {
    case 'admin':
      return t('roles.admin');
    case 'designer':
      return t('roles.designer');
    case 'manager':
      return t('roles.manager');
    case 'operator':
      return t('roles.operator');
    case 'integrator':
      return t('roles.integrator');
  }
}

/** A user's roles as one line for the header, in the order the API lists them. */
export function describeRoles(t: TFunction<'common'>, roles: readonly Role[], locale: string): string {
  if (roles.length === 0) return t('roles.none');
  return new Intl.ListFormat(locale, { type: 'unit' }).format(roles.map((role) => roleLabel(t, role)));
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
