import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state.tsx';

/** Any address the app does not know. */
export function NotFoundPage() {
  return (
    <EmptyState title="This page does not exist">
      The address may be mistyped or out of date. <Link to="/orders">Go to the orders</Link>.
    </EmptyState>
  );
}
