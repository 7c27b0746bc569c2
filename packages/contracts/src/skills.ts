import { z } from 'zod';
import { catalogCodeSchema, catalogNameSchema, nonEmptyUpdate } from './catalog.ts';
import { pageSchema } from './paging.ts';

/** A skill operators hold at a level (1-5) and routing steps require. */
export const skillSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), active: z.boolean() })
  .meta({ id: 'Skill' });

/** A page of skills. */
export const skillPageSchema = pageSchema(skillSchema).meta({ id: 'SkillPage' });

/** Body of `POST /skills`. */
export const createSkillSchema = z
  .strictObject({ code: catalogCodeSchema, name: catalogNameSchema })
  .meta({ id: 'CreateSkill' });

/** Body of `PATCH /skills/:id`. */
export const updateSkillSchema = nonEmptyUpdate({ name: catalogNameSchema.optional() }).meta({ id: 'UpdateSkill' });

/** A skill. */
export type Skill = z.infer<typeof skillSchema>;
/** A new skill. */
export type CreateSkill = z.infer<typeof createSkillSchema>;
/** Changes to a skill. */
export type UpdateSkill = z.infer<typeof updateSkillSchema>;
