import { z } from 'zod';
import { catalogCodeSchema, catalogNameSchema, nonEmptyUpdate } from './catalog.ts';
import { pageSchema } from './paging.ts';

const minuteSchema = z.number().int().min(0).max(1440).describe('Minutes from local midnight (0-1440).');
const weekdaysSchema = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'List each weekday once')
  .describe('1 = Monday … 7 = Sunday.');
const refSchema = catalogCodeSchema.nullable();

/**
 * A recurring working window. `endMinute` below `startMinute` is a night shift ending the next
 * day; the two are never equal.
 */
export const shiftSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    startMinute: z.number().int(),
    endMinute: z.number().int(),
    weekdays: z.array(z.number().int()),
    workCenter: z.string().nullable(),
    team: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Shift' });

/** A page of shifts. */
export const shiftPageSchema = pageSchema(shiftSchema).meta({ id: 'ShiftPage' });

const sameMinute = (shift: { startMinute?: number | undefined; endMinute?: number | undefined }) =>
  shift.startMinute === undefined ||
  shift.endMinute === undefined ||
  shift.startMinute % 1440 !== shift.endMinute % 1440;
const SAME_MINUTE = { message: 'A shift cannot start and end at the same minute', path: ['endMinute'] };

/** Body of `POST /shifts`. */
export const createShiftSchema = z
  .strictObject({
    code: catalogCodeSchema,
    name: catalogNameSchema,
    startMinute: minuteSchema,
    endMinute: minuteSchema,
    weekdays: weekdaysSchema.default([1, 2, 3, 4, 5]),
    workCenter: refSchema.default(null).describe('Code of the work center the shift staffs.'),
    team: refSchema.default(null).describe('Code of the team working it.'),
  })
  .refine(sameMinute, SAME_MINUTE)
  .meta({ id: 'CreateShift' });

/** Body of `PATCH /shifts/:id`; a new start and end are checked against each other when both are given. */
export const updateShiftSchema = nonEmptyUpdate({
  name: catalogNameSchema.optional(),
  startMinute: minuteSchema.optional(),
  endMinute: minuteSchema.optional(),
  weekdays: weekdaysSchema.optional(),
  workCenter: refSchema.optional(),
  team: refSchema.optional(),
})
  .refine(sameMinute, SAME_MINUTE)
  .meta({ id: 'UpdateShift' });

/** A shift. */
export type Shift = z.infer<typeof shiftSchema>;
/** A new shift. */
export type CreateShift = z.infer<typeof createShiftSchema>;
/** Changes to a shift. */
export type UpdateShift = z.infer<typeof updateShiftSchema>;
