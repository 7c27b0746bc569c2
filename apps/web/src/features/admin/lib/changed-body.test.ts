import { describe, expect, it } from 'vitest';
import { changedBody } from './changed-body.ts';

describe('changedBody', () => {
  const stored = { code: 'CUT', name: 'Cutting', capacity: 2, skills: [{ code: 'cutting', level: 3 }] };

  it('keeps only the fields that differ from the stored item', () => {
    expect(changedBody({ ...stored, capacity: 3 }, stored, ['code'])).toEqual({ capacity: 3 });
  });

  it('compares lists by content and leaves out fields left unset (a PIN not retyped)', () => {
    const next = { ...stored, skills: [{ code: 'cutting', level: 3 }], pin: undefined };
    expect(changedBody(next, stored, ['code'])).toEqual({});
  });

  it('never sends an immutable field, even when the form shows another value', () => {
    expect(changedBody({ ...stored, code: 'X' }, stored, ['code'])).toEqual({});
  });

  it('sends a cleared reference as null', () => {
    expect(changedBody({ team: null }, { team: 'T1' })).toEqual({ team: null });
  });
});
