import { catalogCodeSchema, catalogNameSchema } from '@atelier/contracts';
import type { Shift } from '@atelier/contracts';
import { z } from 'zod';
import { optionalCode } from './optional-code.ts';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM');

/** "08:30" → 510 minutes from midnight. */
export function clockToMinutes(value: string): number {
  const [hours = 0, minutes = 0] = value.split(':').map(Number);
  return hours * 60 + minutes;
}

/** 510 → "08:30" (1440, the end of the day, reads "00:00"). */
export function minutesToClock(value: number): string {
  const minutes = value % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The shift form: times as the clock shows them (the API counts minutes), weekdays as the checkbox
 * strings. Start and end may not be the same minute, the shared rule of `createShiftSchema`.
 */
export const shiftFormSchema = z
  .object({
    code: catalogCodeSchema,
    name: catalogNameSchema,
    startMinute: clock,
    endMinute: clock,
    weekdays: z.array(z.string()).min(1, 'Pick at least one day'),
    workCenter: optionalCode,
    team: optionalCode,
  })
  .refine((shift) => shift.startMinute !== shift.endMinute, {
    message: 'A shift cannot start and end at the same minute',
    path: ['endMinute'],
  });

/** What the shift form holds. */
export type ShiftForm = z.infer<typeof shiftFormSchema>;

/** A new day shift, Monday to Friday. */
export const BLANK_SHIFT: ShiftForm = {
  code: '',
  name: '',
  startMinute: '08:00',
  endMinute: '17:00',
  weekdays: ['1', '2', '3', '4', '5'],
  workCenter: '',
  team: '',
};

/** The form of a stored shift. */
export function shiftToForm(shift: Shift): ShiftForm {
  return {
    code: shift.code,
    name: shift.name,
    startMinute: minutesToClock(shift.startMinute),
    endMinute: minutesToClock(shift.endMinute),
    weekdays: shift.weekdays.map(String),
    workCenter: shift.workCenter ?? '',
    team: shift.team ?? '',
  };
}

/** The API body of the form. */
export function shiftFormToBody(values: ShiftForm): Record<string, unknown> {
  return {
    ...values,
    startMinute: clockToMinutes(values.startMinute),
    endMinute: clockToMinutes(values.endMinute),
    weekdays: values.weekdays.map(Number).sort((a, b) => a - b),
    workCenter: values.workCenter || null,
    team: values.team || null,
  };
}
