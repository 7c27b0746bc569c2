import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { WorkItemView } from '@atelier/contracts';
import { workQueueKeys } from '../api/keys.ts';

/** An event frame of `/api/v1/events` as far as the queue reads it. */
interface EventFrame {
  type: 'event';
  event: { type: string; workItemId: string | null; operatorId: string | null };
}

/** Events after which a piece is no longer up for grabs. */
const GONE_FROM_AVAILABLE = new Set(['work_item.claimed', 'work_item.cancelled', 'work_item.completed']);

/**
 * Applies one event to the queue's caches: a piece claimed (or cancelled) elsewhere leaves
 * Available at once, by `setQueryData`; then only the lists the event concerns are read again, so
 * the cards carry the API's figures (timers, operators).
 */
export function applyQueueEvent(client: QueryClient, event: EventFrame['event'], me: string): void {
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
 * Keeps My work and Available live from the event feed's WebSocket while the queue is on screen,
 * reconnecting after a drop (and reading the lists again then, as events may have been missed).
 * A stopgap until the app's shared live client (`src/live/`) lands; it then replaces this socket.
 */
export function useQueueLiveUpdates(me: string): void {
  const client = useQueryClient();
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: number | undefined;
    let attempt = 0;
    let closed = false;
    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}/api/v1/events`);
      socket.onopen = () => {
        if (attempt > 0) void client.invalidateQueries({ queryKey: workQueueKeys.lists() });
        attempt = 0;
      };
      socket.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as EventFrame | { type: string };
        if (frame.type === 'event' && 'event' in frame) applyQueueEvent(client, frame.event, me);
      };
      socket.onclose = () => {
        if (closed) return;
        attempt += 1;
        retry = window.setTimeout(connect, Math.min(30_000, 500 * 2 ** attempt));
      };
    };
    connect();
    return () => {
      closed = true;
      window.clearTimeout(retry);
      socket?.close();
    };
  }, [client, me]);
}
