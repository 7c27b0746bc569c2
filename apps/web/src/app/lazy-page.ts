import type { i18n as I18n } from 'i18next';
import type { ComponentType } from 'react';
import { loadNamespaces } from '../i18n/i18n.ts';
import type { Namespace } from '../i18n/languages.ts';

/**
 * A route's `lazy`: downloads a feature's page module and its catalogs together, on first visit,
 * so a screen never flashes untranslated and the station never downloads the designer.
 *
 * `lazyPage(i18n, () => import('../features/orders/orders-page.tsx'), (m) => m.OrdersPage, ['orders'])`
 */
export function lazyPage<M>(
  i18n: I18n,
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
  namespaces: readonly Namespace[],
): () => Promise<{ Component: ComponentType }> {
  return async () => {
    const [module] = await Promise.all([load(), loadNamespaces(i18n, namespaces)]);
    return { Component: pick(module) };
  };
}
