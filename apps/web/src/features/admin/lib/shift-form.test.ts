import { createShiftSchema } from '@atelier/contracts';
import { describe, expect, it } from 'vitest';
import { BLANK_SHIFT, clockToMinutes, minutesToClock, shiftFormSchema, shiftFormToBody } from './shift-form.ts';

describe('the shift form', () => {
  it('turns clock times into the minutes the API counts, and back', () => {
    expect(clockToMinutes('08:30')).toBe(510);
    expect(minutesToClock(510)).toBe('08:30');
    expect(minutesToClock(1440)).toBe('00:00');
  });

  it('makes a body the API schema accepts (a night shift ending the next day)', () => {
    const values = {
      ...BLANK_SHIFT,
      code: 'NIGHT',
      name: 'Night',
      startMinute: '22:00',
      endMinute: '06:00',
      weekdays: ['3', '1'],
    };
    const body = createShiftSchema.parse(shiftFormToBody(shiftFormSchema.parse(values)));
    expect(body).toMatchObject({ startMinute: 1320, endMinute: 360, weekdays: [1, 3], team: null, workCenter: null });
  });

  it('refuses a shift that starts and ends at the same minute, beside its end', () => {
    const result = shiftFormSchema.safeParse({ ...BLANK_SHIFT, code: 'X', name: 'X', endMinute: '08:00' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['endMinute']);
  });
});
