import type { NodePresetItem, Shift, Skill, Team, User, WorkCenter } from '@atelier/contracts';

/** The master data the admin manages through the generic catalog routes, by URL segment. */
export interface CatalogItems {
  users: User;
  skills: Skill;
  teams: Team;
  'work-centers': WorkCenter;
  shifts: Shift;
  'node-presets': NodePresetItem;
}

/** A kind of master data: its `/api/v1/<kind>` path segment. */
export type CatalogKind = keyof CatalogItems;

/** The unique code of an item (a user's username): what its URL and list order use. */
export function codeOf<K extends CatalogKind>(kind: K, item: CatalogItems[K]): string {
  return kind === 'users' ? (item as User).username : (item as Exclude<CatalogItems[CatalogKind], User>).code;
}
