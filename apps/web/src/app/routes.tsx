import { Navigate, createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { OrderDetailPage } from '../pages/orders/order-detail-page.tsx';
import { OrdersPage } from '../pages/orders/orders-page.tsx';
import { PlannedScreenPage } from '../pages/planned-screen-page.tsx';
import { PLANNED_SCREENS } from '../pages/planned-screens.ts';
import { AppShell } from './app-shell.tsx';

/** Every address of the SPA; the server answers unknown non-API paths with index.html. */
export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppShell />,
      children: [
        { index: true, element: <Navigate to="/orders" replace /> },
        { path: 'orders', element: <OrdersPage /> },
        { path: 'orders/:kind/:idOrCode', element: <OrderDetailPage /> },
        { path: 'control', element: <Navigate to="/control/plan" replace /> },
        ...PLANNED_SCREENS.map((screen) => ({ path: screen.path, element: <PlannedScreenPage screen={screen} /> })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
