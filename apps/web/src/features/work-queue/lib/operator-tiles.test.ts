import { describe, expect, it } from 'vitest';
import { initialsOf, presentOperators } from './operator-tiles.ts';

describe('initialsOf', () => {
  it('takes the first letter of the first and the last name, accents and Thai included', () => {
    expect(initialsOf('Élodie Marchand')).toBe('ÉM');
    expect(initialsOf('Kanokwan  Chaiyaporn')).toBe('KC');
    expect(initialsOf('Anan de la Cruz')).toBe('AC');
    expect(initialsOf('Narin')).toBe('N');
    expect(initialsOf('สมชาย กิตติศักดิ์')).toBe('สก');
  });
});

describe('presentOperators', () => {
  it('keeps only those at work today, in order', () => {
    const person = (displayName: string, present: boolean) => ({
      userId: displayName,
      displayName,
      team: null,
      present,
      skills: [],
    });
    expect(
      presentOperators([person('A', true), person('B', false), person('C', true)]).map((p) => p.displayName),
    ).toEqual(['A', 'C']);
  });
});
