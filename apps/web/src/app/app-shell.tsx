import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { BrandMark } from '../components/brand-mark.tsx';
import { HealthIndicator } from '../components/health-indicator.tsx';
import { LiveProvider } from '../live/live-provider.tsx';
import { OfflineBanner } from '../live/offline-banner.tsx';
import { useCurrentUser } from './session-gate.tsx';
import { SideNav } from './side-nav.tsx';
import { UserMenu } from './user-menu.tsx';
import './app-shell.css';

/**
 * The frame around every screen: header with the product name, server status and user; navigation;
 * page; the live stream and its offline banner. Which database the server runs on is for administrators only.
 */
export function AppShell() {
  const { t } = useTranslation();
  const { roles } = useCurrentUser();
  return (
    <LiveProvider>
      <div className="shell">
        <header className="shell__header">
          <Link to="/" className="brand" aria-label={t('app.home')}>
            <BrandMark />
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tag">{t('app.tag')}</span>
          </Link>
          <div className="shell__header-end">
            <HealthIndicator showDatabase={roles.includes('admin')} />
            <UserMenu />
          </div>
        </header>
        <SideNav />
        <main className="shell__main">
          <OfflineBanner />
          <Outlet />
        </main>
      </div>
    </LiveProvider>
  );
}
