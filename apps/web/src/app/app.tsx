import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { Toaster } from '../components/toaster.tsx';
import { createQueryClient } from './query-client.ts';
import { createRouter } from './routes.tsx';
import { followSessionLanguage } from './session-language.ts';
import { StartingScreen } from './starting-screen.tsx';

/** The root component: server-state cache, router and toasts; i18n comes from `main.tsx`. */
export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter(i18n));
  useEffect(() => followSessionLanguage(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<StartingScreen />}>
        <RouterProvider router={router} />
        <Toaster />
      </Suspense>
    </QueryClientProvider>
  );
}
