import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { ALL_CATALOGS } from '../../i18n/all-catalogs.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { NAMESPACES } from '../../i18n/languages.ts';
import type { Language } from '../../i18n/languages.ts';
import { applyZodLanguage } from '../../i18n/zod-locale.ts';

/** Options of {@link renderWithProviders}. */
export interface RenderOptions {
  language?: Language;
  /** The router's location (components with links need a router). */
  path?: string;
  queryClient?: QueryClient;
}

/**
 * Renders `ui` as the app would: real catalogs in `language`, a fresh query client (no retries,
 * so a failure shows at once) and an in-memory router. Returns Testing Library's result plus
 * the i18n instance and query client.
 */
export async function renderWithProviders(
  ui: ReactElement,
  { language = 'en', path = '/', queryClient }: RenderOptions = {},
): Promise<RenderResult & { queryClient: QueryClient; i18n: Awaited<ReturnType<typeof createI18n>> }> {
  const i18n = await createI18n({ language, resources: ALL_CATALOGS, namespaces: NAMESPACES });
  applyZodLanguage(language);
  const client =
    queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  // A wrapper (not a wrapped element), so `rerender` keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>
  );
  const result = render(ui, { wrapper });
  return { ...result, queryClient: client, i18n };
}
