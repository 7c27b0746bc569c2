import { createHash } from 'node:crypto';

/** One common table expression of a composed statement: `name AS (sql)`, included `when` the input needs it (default: always). */
export interface CtePart<Input> {
  readonly name: string;
  readonly sql: string;
  readonly when?: (input: Input) => boolean;
}

/** A statement text with the prepared-statement name that goes with exactly that text. */
export interface ComposedStatement {
  readonly text: string;
  readonly name: string;
}

/**
 * Most parts a composer takes: a combination is a bit set in one 32-bit integer (`1 << index`), whose
 * sign bit is bit 31 and which wraps at 32 (part 32 would share part 0's bit), so 30 keep every
 * combination a distinct positive number.
 */
const MAX_STATEMENT_PARTS = 30;

/**
 * Builds statements `WITH <parts> <final>` from the parts an input needs, so that a write touching
 * a few tables does not pay for the many it leaves alone: PostgreSQL sets up and runs every
 * data-modifying CTE of a statement, used or not. Each combination is built once and gets its own
 * prepared-statement name (`<name>-<bits>`), so a connection plans it once. Throws when given more
 * than {@link MAX_STATEMENT_PARTS} parts (a programming error, found when the module loads).
 */
export function statementComposer<Input>(
  name: string,
  parts: readonly CtePart<Input>[],
  final: string,
): (input: Input) => ComposedStatement {
  if (parts.length > MAX_STATEMENT_PARTS) {
    throw new Error(
      `Statement "${name}" has ${parts.length} parts; a composer takes at most ${MAX_STATEMENT_PARTS} parts.`,
    );
  }
  const built = new Map<number, ComposedStatement>();
  return (input) => {
    let bits = 0;
    parts.forEach((part, index) => {
      if (part.when === undefined || part.when(input)) bits |= 1 << index;
    });
    let statement = built.get(bits);
    if (statement === undefined) {
      const chosen = parts.filter((_, index) => (bits & (1 << index)) !== 0);
      statement = {
        text: `WITH ${chosen.map((part) => `${part.name} AS (${part.sql})`).join(',\n')}\n${final}`,
        name: `${name}-${bits.toString(36)}`,
      };
      built.set(bits, statement);
    }
    return statement;
  };
}

/**
 * A statement built from filters, named after its text (`<prefix>-<hash>`): each combination of
 * filters is one text (values are parameters), so a connection prepares and plans it once.
 */
export function namedStatement(prefix: string, text: string): ComposedStatement {
  return { text, name: `${prefix}-${createHash('sha1').update(text).digest('hex').slice(0, 16)}` };
}
