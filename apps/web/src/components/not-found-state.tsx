import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from './empty-state.tsx';

/** What any address the app does not know shows (also an order kind in a URL that does not exist). */
export function NotFoundState() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('notFound.title')}>
      {t('notFound.text')} <Link to="/orders">{t('notFound.link')}</Link>
    </EmptyState>
  );
}
