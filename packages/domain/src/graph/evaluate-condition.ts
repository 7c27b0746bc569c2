import type { ConditionScalar, EdgeCondition } from './graph-schema.ts';

/** Token attributes a decision looks at (size, colour, leather …). */
export type TokenAttributes = Readonly<Record<string, unknown>>;

/** Numbers, and strings that read as numbers ("35"), compare as numbers; anything else does not. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function sameValue(a: unknown, b: ConditionScalar): boolean {
  if (a === b) return true;
  const na = asNumber(a);
  const nb = asNumber(b);
  return typeof a !== typeof b && na !== undefined && na === nb;
}

/**
 * Does a token with `attributes` satisfy `condition`? A condition on an attribute the token does not
 * have is false (whatever the operator), so such a token takes the decision's default edge.
 */
export function evaluateCondition(condition: EdgeCondition, attributes: TokenAttributes): boolean {
  if (!Object.hasOwn(attributes, condition.attribute)) return false;
  const actual = attributes[condition.attribute];
  if (actual === undefined || actual === null) return false;
  const { op, value } = condition;
  if (op === 'in') return Array.isArray(value) && value.some((v) => sameValue(actual, v));
  if (Array.isArray(value)) return false;
  if (op === 'eq') return sameValue(actual, value);
  if (op === 'neq') return !sameValue(actual, value);
  const a = asNumber(actual);
  const b = asNumber(value);
  if (a === undefined || b === undefined) return false;
  switch (op) {
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}

/**
 * Why a condition cannot be evaluated meaningfully, or undefined when it is sound: `in` needs a
 * non-empty list, the ordering operators a number, `eq`/`neq` a single value.
 */
export function conditionProblem(condition: EdgeCondition): string | undefined {
  const { op, value } = condition;
  if (op === 'in') {
    return Array.isArray(value) && value.length > 0 ? undefined : '"in" needs a non-empty list of values';
  }
  if (Array.isArray(value)) return `"${op}" compares with a single value, not a list`;
  if (op === 'eq' || op === 'neq') return undefined;
  return typeof value === 'number' ? undefined : `"${op}" compares numbers, so its value must be a number`;
}
