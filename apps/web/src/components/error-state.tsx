import { ProblemMessage } from './problem-message.tsx';
import './states.css';

/**
 * What a screen shows when its data could not be loaded: the problem in plain words and, when
 * asking again may help, a retry button.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="error-state">
      <ProblemMessage error={error} onRetry={onRetry} />
    </div>
  );
}
