import { z } from 'zod';
import { HttpProblem } from '../plugins/http-problem.ts';

function toBase64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** Wraps the sort key of the last item of a page as an opaque cursor. */
export function encodeCursor(key: string): string {
  return toBase64Url(JSON.stringify({ after: key }));
}

const cursorPayloadSchema = z.object({ after: z.string() });

/** Reads a cursor made by {@link encodeCursor}; a tampered or foreign cursor is a 400 `INVALID_CURSOR`. */
export function decodeCursor(cursor: string): string {
  try {
    return cursorPayloadSchema.parse(JSON.parse(fromBase64Url(cursor))).after;
  } catch {
    throw new HttpProblem(400, 'INVALID_CURSOR', 'The cursor is not one this API issued; start again without it.');
  }
}

/**
 * Turns `limit + 1` rows fetched in sort order into a page: the extra row only tells that another
 * page exists, and the last returned row's key becomes the cursor.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => string,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
