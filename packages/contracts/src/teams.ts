import { z } from 'zod';
import { catalogCodeSchema, catalogNameSchema, nonEmptyUpdate } from './catalog.ts';
import { pageSchema } from './paging.ts';

const workCenterRefSchema = catalogCodeSchema
  .nullable()
  .describe('Code of the home work center; null for a team that moves between benches.');

/** A team of operators, optionally with a home work center. */
export const teamSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), workCenter: z.string().nullable(), active: z.boolean() })
  .meta({ id: 'Team' });

/** A page of teams. */
export const teamPageSchema = pageSchema(teamSchema).meta({ id: 'TeamPage' });

/** Body of `POST /teams`. */
export const createTeamSchema = z
  .strictObject({ code: catalogCodeSchema, name: catalogNameSchema, workCenter: workCenterRefSchema.default(null) })
  .meta({ id: 'CreateTeam' });

/** Body of `PATCH /teams/:id`. */
export const updateTeamSchema = nonEmptyUpdate({
  name: catalogNameSchema.optional(),
  workCenter: workCenterRefSchema.optional(),
}).meta({
  id: 'UpdateTeam',
});

/** A team. */
export type Team = z.infer<typeof teamSchema>;
/** A new team. */
export type CreateTeam = z.infer<typeof createTeamSchema>;
/** Changes to a team. */
export type UpdateTeam = z.infer<typeof updateTeamSchema>;
