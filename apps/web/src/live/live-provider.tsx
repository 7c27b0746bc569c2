import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { OutboxEventBody } from '@atelier/contracts';
import { createLiveClient, eventStreamUrl } from './live-client.ts';
import type { LiveClient, LiveStatus } from './live-client.ts';

const LiveContext = createContext<LiveClient | null>(null);

/** The app's live client, for a signed-in session (mounted inside the session gate). */
function createAppLiveClient(onResync: () => void): LiveClient {
  return createLiveClient({
    url: (since) => eventStreamUrl(window.location, since),
    createSocket: (url) => new WebSocket(url),
    onResync,
  });
}

/**
 * Opens the app's one WebSocket while someone is signed in and closes it on sign-out. After a gap
 * it could not replay, every active query is refreshed once (`onResync`); otherwise screens patch
 * their caches from events. `client` is for tests.
 */
export function LiveProvider({ children, client }: { children: ReactNode; client?: LiveClient }) {
  const queryClient = useQueryClient();
  const [live] = useState(
    () => client ?? createAppLiveClient(() => void queryClient.invalidateQueries({ type: 'active' })),
  );
  useEffect(() => {
    live.start();
    const online = () => live.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      live.stop();
    };
  }, [live]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

function useLiveClient(): LiveClient {
  const live = useContext(LiveContext);
  if (!live) throw new Error('live hooks are only for screens under <LiveProvider>');
  return live;
}

/** The stream's state, re-rendering on change. */
export function useLiveStatus(): LiveStatus {
  const live = useLiveClient();
  return useSyncExternalStore(live.onStatus, live.status, live.status);
}

/**
 * Calls `handler` for every delivered event whose type `types` names (`'work_item.claimed'`, or a
 * family `'work_item.*'`). The handler may change between renders; the subscription stays.
 */
export function useLiveEvents(types: readonly string[], handler: (event: OutboxEventBody) => void): void {
  const live = useLiveClient();
  const [current] = useState(() => ({ handler }));
  current.handler = handler;
  const key = types.join(',');
  useEffect(() => {
    const wanted = key.split(',');
    const matches = (type: string) =>
      wanted.some((pattern) => (pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type));
    return live.subscribe((event) => {
      if (matches(event.type)) current.handler(event);
    });
  }, [live, key, current]);
}
