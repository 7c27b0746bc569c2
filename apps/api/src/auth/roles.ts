import { ROLES, type Role } from '@atelier/contracts';
import type { Role as StoredRole } from '../generated/prisma/enums.ts';

export { ROLES, roleSchema, type Role } from '@atelier/contracts';

// The contract's roles must be ones the database stores (a compile-time check).
const _rolesAreStored: readonly StoredRole[] = ROLES;

/** For routes every authenticated caller may use (`config: { roles: EVERY_ROLE }`), e.g. order reads. */
export const EVERY_ROLE: readonly Role[] = ROLES;

/** What a station (PIN) session may do, whatever other roles the person holds (SPEC §4). */
export const STATION_ROLES: readonly Role[] = ['operator'];

/**
 * The roles a session grants: all the person's roles for a password session, only those of
 * {@link STATION_ROLES} for a station session, since a 4-digit PIN on a shared tablet must not open
 * manager, designer, admin or integrator actions.
 */
export function sessionRoles(roles: readonly Role[], station: boolean): Role[] {
  return station ? roles.filter((role) => STATION_ROLES.includes(role)) : [...roles];
}
