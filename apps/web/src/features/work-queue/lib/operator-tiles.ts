import type { StationOperator } from '@atelier/contracts';

/** Initials for a name tile: first letters of the first and last names (`Élodie Marchand` → `ÉM`). */
export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  return (Array.from(first)[0] ?? '') + (Array.from(last)[0] ?? '');
}

/** The tiles a station shows: present operators only, by name (the API's order). */
export function presentOperators(operators: readonly StationOperator[]): StationOperator[] {
  return operators.filter((operator) => operator.present);
}
