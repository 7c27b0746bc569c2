import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OutboxEventBody, WorkItemView } from '@atelier/contracts';
import { workQueueKeys } from '../api/keys.ts';
import { useLiveEvents } from '../../../live/live-provider.tsx';

/** An event as far as the queue reads it. */
type QueueEvent = Pick<OutboxEventBody, 'type' | 'workItemId' | 'operatorId'>;

/** Events after which a piece is no longer up for grabs. */
const GONE_FROM_AVAILABLE = new Set(['work_item.claimed', 'work_item.cancelled', 'work_item.completed']);

/**
 * Applies one event to the queue's caches: a piece claimed (or cancelled) elsewhere leaves
 * Available at once, by `setQueryData`; then only the lists the event concerns are read again, so
 * the cards carry the API's figures (timers, operators).
 */
export function applyQueueEvent(client: QueryClient, event: QueueEvent, me: string): void {
  if (!event.type.startsWith('work_item.') || event.workItemId === null) return;
  const id = event.workItemId;
  if (GONE_FROM_AVAILABLE.has(event.type)) {
    client.setQueryData<WorkItemView[]>(workQueueKeys.available(), (items) => items?.filter((item) => item.id !== id));
  }
  const mine = client.getQueryData<WorkItemView[]>(workQueueKeys.mine())?.some((item) => item.id === id) ?? false;
  if (mine || event.operatorId === me) void client.invalidateQueries({ queryKey: workQueueKeys.mine() });
  if (!GONE_FROM_AVAILABLE.has(event.type) || event.type === 'work_item.completed')
    void client.invalidateQueries({ queryKey: workQueueKeys.available() });
  void client.invalidateQueries({ queryKey: workQueueKeys.item(id) });
}

/**
 * Keeps My work and Available live from the app's one event stream (`src/live/`) while the queue is
 * on screen; the stream resumes from its last position after a drop, so no event is missed.
 */
export function useQueueLiveUpdates(me: string): void {
  const client = useQueryClient();
  useLiveEvents(['work_item.*'], (event) => applyQueueEvent(client, event, me));
}
