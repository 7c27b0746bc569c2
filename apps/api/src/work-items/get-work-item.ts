import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { WorkItemView } from '@atelier/contracts';
import { toView, VIEW_SELECT, type ViewRow } from './work-item-view.ts';

/** One work item as the queues show it; 404 `WORK_ITEM_NOT_FOUND`. */
export async function getWorkItem(db: Database, id: string): Promise<WorkItemView> {
  const [row] = await db.query<ViewRow>(`${VIEW_SELECT} WHERE w.id = $1::uuid`, [id]);
  if (row === undefined) throw new HttpProblem(404, 'WORK_ITEM_NOT_FOUND', `No work item has the id "${id}".`);
  return toView(row);
}
