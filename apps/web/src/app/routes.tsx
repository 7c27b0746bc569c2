import { Navigate, createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { OrderDetailPage } from '../pages/orders/order-detail-page.tsx';
import { OrdersPage } from '../pages/orders/orders-page.tsx';
import { PlannedScreenPage } from '../pages/planned-screen-page.tsx';
import { PLANNED_SCREENS } from '../pages/planned-screens.ts';
import { SignInPage } from '../pages/sign-in/sign-in-page.tsx';
import { AppShell } from './app-shell.tsx';
import { HomeRedirect, RequireSession } from './session-gate.tsx';
import { SIGN_IN_PATHS } from './sign-in-route.ts';

/** Every address of the SPA; the server answers unknown non-API paths with index.html. */
export function createRouter() {
  return createBrowserRouter([
    { path: SIGN_IN_PATHS.office, element: <SignInPage mode="office" /> },
    { path: SIGN_IN_PATHS.station, element: <SignInPage mode="station" /> },
    {
      element: <RequireSession />,
      children: [
        {
          path: '/',
          element: <AppShell />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'orders', element: <OrdersPage /> },
            { path: 'orders/:kind/:idOrCode', element: <OrderDetailPage /> },
            { path: 'control', element: <Navigate to="/control/plan" replace /> },
            ...PLANNED_SCREENS.map((screen) => ({ path: screen.path, element: <PlannedScreenPage screen={screen} /> })),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
