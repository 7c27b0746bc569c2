import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { BrandMark } from '../components/brand-mark.tsx';
import { Toaster } from '../components/toaster.tsx';
import { createQueryClient } from './query-client.ts';
import { createRouter } from './routes.tsx';
import './session-gate.css';

/** While a screen's catalogs load (rarely seen: lazy routes load them with their code). */
function Starting() {
  return (
    <div className="session-gate" aria-busy="true">
      <BrandMark className="session-gate__mark" />
    </div>
  );
}

/** The root component: server-state cache, router and toasts; i18n comes from `main.tsx`. */
export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter(i18n));
  return (
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<Starting />}>
        <RouterProvider router={router} />
        <Toaster />
      </Suspense>
    </QueryClientProvider>
  );
}
