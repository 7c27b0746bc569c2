import type { i18n as I18n } from 'i18next';
import { Navigate, createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { PlannedScreenPage } from '../pages/planned-screen-page.tsx';
import { PLANNED_SCREENS } from '../pages/planned-screens.ts';
import { SignInPage } from '../pages/sign-in/sign-in-page.tsx';
import { AppShell } from './app-shell.tsx';
import { lazyPage } from './lazy-page.ts';
import { HomeRedirect, RequireSession } from './session-gate.tsx';
import { SIGN_IN_PATHS } from './sign-in-route.ts';
import { StartingScreen } from './starting-screen.tsx';

/** The screens still to be built, each a route of its own until its feature replaces it. */
const plannedRoutes = (built: readonly string[]) =>
  PLANNED_SCREENS.filter((screen) => !built.includes(screen.path)).map((screen) => ({
    path: screen.path,
    element: <PlannedScreenPage screen={screen} />,
  }));

/**
 * Every address of the SPA; the server answers unknown non-API paths with index.html. Each
 * feature is a lazy route (its own chunks, with its catalogs), one entry per feature below.
 */
export function createRouter(i18n: I18n) {
  return createBrowserRouter([
    { path: SIGN_IN_PATHS.office, element: <SignInPage mode="office" /> },
    { path: SIGN_IN_PATHS.station, element: <SignInPage mode="station" /> },
    // Station mode: full screen on a paired tablet, name tiles and PIN before anyone is signed in.
    {
      path: 'station',
      lazy: lazyPage(
        i18n,
        () => import('../features/work-queue/station-page.tsx'),
        (m) => m.StationPage,
        ['station'],
      ),
    },
    {
      element: <RequireSession />,
      // Shown while the first screen's lazy code loads.
      hydrateFallbackElement: <StartingScreen />,
      children: [
        {
          path: '/',
          element: <AppShell />,
          children: [
            { index: true, element: <HomeRedirect /> },
            {
              path: 'orders',
              lazy: lazyPage(
                i18n,
                () => import('../features/orders/components/orders-page.tsx'),
                (m) => m.OrdersPage,
                ['orders'],
              ),
            },
            {
              path: 'orders/:kind/:idOrCode',
              lazy: lazyPage(
                i18n,
                () => import('../features/orders/components/order-detail-page.tsx'),
                (m) => m.OrderDetailPage,
                ['orders'],
              ),
            },
            {
              path: 'work-queue',
              lazy: lazyPage(
                i18n,
                () => import('../features/work-queue/work-queue-page.tsx'),
                (m) => m.WorkQueuePage,
                ['station'],
              ),
            },
            {
              path: 'designer/*',
              lazy: lazyPage(
                i18n,
                () => import('../features/designer/designer-routes.tsx'),
                (m) => m.DesignerRoutes,
                ['designer'],
              ),
            },
            { path: 'control', element: <Navigate to="/control/plan" replace /> },
            {
              path: 'admin/:section?',
              lazy: lazyPage(
                i18n,
                () => import('../features/admin/admin-page.tsx'),
                (m) => m.AdminPage,
                ['admin'],
              ),
            },
            // Built features add their lazy route above and their path here.
            ...plannedRoutes(['admin', 'designer', 'work-queue']),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
