import { useQuery } from '@tanstack/react-query';
import type { Page, StationOperator, WorkItemView } from '@atelier/contracts';
import { getJson } from '../../../api/http-client.ts';
import { workQueueKeys } from './keys.ts';

/** Cards a list shows at most; a station's queue is worked from the top. */
export const QUEUE_PAGE_SIZE = 30;

/** My work: items I am on (holder or colleague), open ones, in queue order. */
export function useMyWork() {
  return useQuery({
    queryKey: workQueueKeys.mine(),
    queryFn: async ({ signal }) =>
      (await getJson<Page<WorkItemView>>('/work-items', { assignee: 'me', limit: QUEUE_PAGE_SIZE }, signal)).items,
  });
}

/** Available: ready items I am qualified for, in queue order (what "take next" would give first). */
export function useAvailableWork() {
  return useQuery({
    queryKey: workQueueKeys.available(),
    queryFn: async ({ signal }) =>
      (await getJson<Page<WorkItemView>>('/work-items', { available: 'me', limit: QUEUE_PAGE_SIZE }, signal)).items,
  });
}

/** One work item with its instructions and checklist (the card's detail view). */
export function useWorkItem(id: string, initial?: WorkItemView) {
  return useQuery({
    queryKey: workQueueKeys.item(id),
    queryFn: ({ signal }) => getJson<WorkItemView>(`/work-items/${id}`, undefined, signal),
    initialData: initial,
    staleTime: 0,
  });
}

/**
 * The station's operators as name tiles (the paired device's token decides the station); with
 * `qualifiedFor`, the present colleagues who may take over that work item.
 */
export function useStationOperators(filter: { qualifiedFor?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: workQueueKeys.operators(filter),
    queryFn: async ({ signal }) =>
      (
        await getJson<Page<StationOperator>>(
          '/auth/station-operators',
          { limit: 200, present: 'true', qualifiedFor: filter.qualifiedFor },
          signal,
        )
      ).items,
    enabled,
    staleTime: 30_000,
  });
}
