import { Link, Outlet } from 'react-router';
import { BrandMark } from '../components/brand-mark.tsx';
import { HealthIndicator } from '../components/health-indicator.tsx';
import { SideNav } from './side-nav.tsx';
import { UserMenu } from './user-menu.tsx';
import './app-shell.css';

/** The frame around every screen: header with the product name, server status and user; navigation; page. */
export function AppShell() {
  return (
    <div className="shell">
      <header className="shell__header">
        <Link to="/" className="brand" aria-label="Atelier Flow home">
          <BrandMark />
          <span className="brand__name">Atelier Flow</span>
          <span className="brand__tag">MES</span>
        </Link>
        <div className="shell__header-end">
          <HealthIndicator />
          <UserMenu />
        </div>
      </header>
      <SideNav />
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
