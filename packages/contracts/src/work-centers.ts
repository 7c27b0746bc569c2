import { z } from 'zod';
import { catalogCodeSchema, catalogNameSchema, nonEmptyUpdate } from './catalog.ts';
import { pageSchema } from './paging.ts';

const capacitySchema = z
  .number()
  .int()
  .min(0)
  .max(1000)
  .describe('Stations that can work in parallel; 0 = none staffed (a validation warning for routings using it).');

/** A work center: where a routing step is done, with its parallel capacity. */
export const workCenterSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), capacity: z.number().int(), active: z.boolean() })
  .meta({ id: 'WorkCenter' });

/** A page of work centers. */
export const workCenterPageSchema = pageSchema(workCenterSchema).meta({ id: 'WorkCenterPage' });

/** Body of `POST /work-centers`. */
export const createWorkCenterSchema = z
  .strictObject({ code: catalogCodeSchema, name: catalogNameSchema, capacity: capacitySchema.default(1) })
  .meta({ id: 'CreateWorkCenter' });

/** Body of `PATCH /work-centers/:id`. */
export const updateWorkCenterSchema = nonEmptyUpdate({
  name: catalogNameSchema.optional(),
  capacity: capacitySchema.optional(),
}).meta({
  id: 'UpdateWorkCenter',
});

/** A work center. */
export type WorkCenter = z.infer<typeof workCenterSchema>;
/** A new work center. */
export type CreateWorkCenter = z.infer<typeof createWorkCenterSchema>;
/** Changes to a work center. */
export type UpdateWorkCenter = z.infer<typeof updateWorkCenterSchema>;
