import { createUserSchema, updateUserSchema } from '@atelier/contracts';
import type { User } from '@atelier/contracts';
import { describe, expect, it } from 'vitest';
import { changedBody } from './changed-body.ts';
import { BLANK_USER, userFormSchema, userFormToBody, userToForm } from './user-form.ts';

const stored: User = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'somchai',
  displayName: 'Somchai K.',
  roles: ['operator'],
  team: 'CUT-A',
  skills: [{ code: 'cutting', level: 3 }],
  present: true,
  active: true,
  badgeId: 'B-1101',
  hasPassword: false,
  hasPin: true,
};

describe('the user form', () => {
  it('turns a filled form into a body the API schema accepts', () => {
    const values = { ...BLANK_USER, username: 'anan', displayName: 'Anan', pin: '4321', badgeId: 'B-7' };
    expect(userFormSchema.parse(values)).toEqual(values);
    const body = createUserSchema.parse(userFormToBody(values));
    expect(body).toMatchObject({ username: 'anan', team: null, badgeId: 'B-7', pin: '4321' });
    expect(body).not.toHaveProperty('password');
  });

  it('refuses a PIN that is not 4-8 digits, with the shared rule', () => {
    const result = userFormSchema.safeParse({ ...BLANK_USER, username: 'x', displayName: 'X', pin: '12a4' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['pin']);
  });

  it('sends only a new PIN when that is all an edit changed (the reset)', () => {
    const values = { ...userToForm(stored), pin: '9876' };
    const body = changedBody(userFormToBody(values), userFormToBody(userToForm(stored)), ['username']);
    expect(body).toEqual({ pin: '9876' });
    expect(updateUserSchema.parse(body)).toEqual(body);
  });
});
