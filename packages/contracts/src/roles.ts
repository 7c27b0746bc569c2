import { z } from 'zod';

/** The roles of SPEC §1, as stored in `users.roles` and `api_keys.role`. */
export const ROLES = ['admin', 'designer', 'manager', 'operator', 'integrator'] as const;

/** One role a user or an API key holds. */
export type Role = (typeof ROLES)[number];

/** A role in requests and responses. */
export const roleSchema = z.enum(ROLES).describe('admin, designer, manager, operator or integrator');
