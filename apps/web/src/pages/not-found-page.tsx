import { NotFoundState } from '../components/not-found-state.tsx';

/** Any address the app does not know. */
export function NotFoundPage() {
  return <NotFoundState />;
}
