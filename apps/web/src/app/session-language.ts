import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queries.ts';
import type { Me } from '@atelier/contracts';
import { setSessionLanguage } from '../i18n/preferences.ts';

/**
 * Shows the signed-in person the language stored on their user (`me.locale`) and gives the device
 * its own back when they sign out. Watches the `me` query without fetching it. Returns the
 * unsubscribe function.
 */
export function followSessionLanguage(client: QueryClient): () => void {
  const apply = () => {
    const me = client.getQueryData<Me | null>(queryKeys.me);
    setSessionLanguage(me?.locale ?? null);
  };
  apply();
  return client.getQueryCache().subscribe((event) => {
    if (event.query.queryHash === JSON.stringify(queryKeys.me) || event.type === 'removed') apply();
  });
}
