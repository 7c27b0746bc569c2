import { Link, Outlet } from 'react-router';
import { HealthIndicator } from '../components/health-indicator.tsx';
import { SideNav } from './side-nav.tsx';
import './app-shell.css';

/** The frame around every screen: header with the product name and server status, navigation, page. */
export function AppShell() {
  return (
    <div className="shell">
      <header className="shell__header">
        <Link to="/" className="brand" aria-label="Atelier Flow home">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" />
            <path d="M9 22c3-8 11-8 14 0" />
            <circle cx="16" cy="11" r="2.5" />
          </svg>
          <span className="brand__name">Atelier Flow</span>
          <span className="brand__tag">MES</span>
        </Link>
        <HealthIndicator />
      </header>
      <SideNav />
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
