import type { RoutingRef } from '@atelier/contracts';

/** The routing an order runs on: its code and version, its name below. */
export function RoutingLabel({ routing }: { routing: RoutingRef | null }) {
  if (!routing) return <span className="muted">Not assigned</span>;
  return (
    <span className="routing-label">
      <span className="routing-label__code">
        {routing.code}
        {routing.version === null ? null : <span className="routing-label__version"> v{routing.version}</span>}
      </span>
      <span className="routing-label__name">{routing.name}</span>
    </span>
  );
}
