import { describe, expect, it } from 'vitest';
import { describeRoles, initialsOf } from './user-label.ts';

describe('describeRoles', () => {
  it('names each role for people', () => {
    expect(describeRoles(['manager'])).toBe('Production manager');
    expect(describeRoles(['designer', 'admin'])).toBe('Graph designer, Administrator');
  });

  it('says so when a user has no role', () => {
    expect(describeRoles([])).toBe('No role');
  });
});

describe('initialsOf', () => {
  it('takes the first letters of the first and last names, accents kept', () => {
    expect(initialsOf('Ploy Suwannarat')).toBe('PS');
    expect(initialsOf('Élodie Marchand')).toBe('ÉM');
    expect(initialsOf('  anna  maria   van der berg ')).toBe('AB');
  });

  it('copes with a single name and an empty one', () => {
    expect(initialsOf('Somchai')).toBe('S');
    expect(initialsOf('   ')).toBe('?');
  });
});
