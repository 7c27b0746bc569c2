import type { Prisma } from '../generated/prisma/client.ts';
import type { CatalogContext } from './catalog-context.ts';

/** A Prisma client or an open interactive transaction: resources read and write through either. */
export type CatalogClient = Prisma.TransactionClient;

/** What every master-data item shows: a database id (null for a shipped preset not stored) and whether it is in use. */
export interface CatalogItem {
  readonly id: string | null;
  readonly active: boolean;
}

/** Who makes a change, for the writes that depend on it (a person's own new password keeps their session). */
export type CatalogChanger = Pick<CatalogContext, 'actor' | 'sessionTokenHash'>;

/** One page request of a catalog list, in code order. */
export interface CatalogListArgs {
  /** Only codes after this one (the cursor). */
  readonly after: string | undefined;
  /** How many rows at most. */
  readonly take: number;
  /** Also list deactivated entries. */
  readonly includeInactive: boolean;
}

/**
 * How one kind of master data (skills, teams, work centers, shifts, node presets, users) is stored.
 * The generic use cases (list, get, create, update, deactivate) do the rest: pagination, 404 and
 * 409 problems, the event row in the same transaction. Reference codes in inputs (a team's work
 * center) are resolved inside `create` / `update`, so they see the transaction.
 */
export interface CatalogResource<Item extends CatalogItem, Create, Update> {
  /** Event-type prefix, snake_case (`work_center` → `work_center.created`). */
  readonly entity: string;
  /** How messages name one item (`work center`). */
  readonly noun: string;
  /** Problem code when no item has the id or code (`WORK_CENTER_NOT_FOUND`). */
  readonly notFoundCode: string;
  /** The unique, immutable code of an item (a user's username): list order, cursor and event key. */
  codeOf(item: Item): string;
  list(client: CatalogClient, args: CatalogListArgs): Promise<Item[]>;
  /** By UUID or code; null when there is none. */
  find(client: CatalogClient, idOrCode: string): Promise<Item | null>;
  create(client: CatalogClient, input: Create): Promise<Item>;
  update(client: CatalogClient, item: Item, input: Update, by: CatalogChanger): Promise<Item>;
  setActive(client: CatalogClient, item: Item, active: boolean): Promise<Item>;
  /** Throws an HttpProblem when the item may not change (a shipped preset); absent when all may. */
  assertMutable?(item: Item): void;
}

/** The `where` of a catalog page: codes after the cursor, active entries unless asked otherwise. */
export function catalogPageWhere({ after, includeInactive }: CatalogListArgs): {
  code?: { gt: string };
  active?: true;
} {
  return { ...(after === undefined ? {} : { code: { gt: after } }), ...(includeInactive ? {} : { active: true }) };
}
