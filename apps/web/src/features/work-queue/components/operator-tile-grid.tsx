import type { StationOperator } from '@atelier/contracts';
import { initialsOf } from '../lib/operator-tiles.ts';

/** Large name tiles (initials, name, top skills); tapping one picks that person. */
export function OperatorTileGrid({
  operators,
  onPick,
  label,
  disabled = false,
}: {
  operators: readonly StationOperator[];
  onPick: (operator: StationOperator) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <ul className="wq-tiles" aria-label={label}>
      {operators.map((operator) => (
        <li key={operator.userId}>
          <button type="button" className="wq-tile" disabled={disabled} onClick={() => onPick(operator)}>
            <span className="wq-tile__initials" aria-hidden="true">
              {initialsOf(operator.displayName)}
            </span>
            <span className="wq-tile__name" translate="no">
              {operator.displayName}
            </span>
            <span className="wq-tile__skills" translate="no">
              {operator.skills
                .slice(0, 3)
                .map((skill) => `${skill.name} ${skill.level}`)
                .join(' · ')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
