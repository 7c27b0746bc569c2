import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';

/**
 * Schemas shared by every master-data resource: codes, names, the list query and the id-or-code
 * path parameter. Each resource's shapes have their own module here.
 */

/** A master-data code: what routings, imports and people type; unique per resource and never changed. */
export const catalogCodeSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/,
    'Use 1-40 letters, digits, "_", "-" or ".", starting with a letter or digit',
  );

/** A display name. */
export const catalogNameSchema = z.string().trim().min(1, 'Must not be empty').max(120);

/** `?cursor=&limit=&includeInactive=`: a page in code order; deactivated entries only when asked for. */
export const catalogListQuerySchema = pageQuerySchema.extend({
  includeInactive: z.stringbool().default(false).describe('Also list deactivated entries (`true` / `false`).'),
});

/** `/:id` — a UUID or the item's code. */
export const idOrCodeParamsSchema = z.object({
  id: z.string().min(1).max(100).describe('UUID or code'),
});

/** Refuses an update body that changes nothing (`{}`), so a client bug does not pass silently. */
export function nonEmptyUpdate<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape).refine((body) => Object.keys(body).length > 0, 'Give at least one field to change');
}
