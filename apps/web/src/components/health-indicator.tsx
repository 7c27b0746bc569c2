import { useHealth } from '../api/queries.ts';
import './health-indicator.css';

const DATABASE_NAMES = { pglite: 'Embedded PGlite', postgresql: 'PostgreSQL' } as const;

/** A live dot in the header: is the server up, and on which database. */
export function HealthIndicator() {
  const health = useHealth();
  if (health.isPending) {
    return (
      <span className="health health--pending" role="status">
        Connecting…
      </span>
    );
  }
  if (health.isError || health.data.status !== 'ok') {
    return (
      <span className="health health--down" role="status" title={health.error?.message}>
        Server unreachable
      </span>
    );
  }
  const { database, migrations, version } = health.data;
  return (
    <span
      className="health health--up"
      role="status"
      title={`Atelier Flow ${version} · ${migrations.applied} migrations applied`}
    >
      {DATABASE_NAMES[database] ?? database}
    </span>
  );
}
