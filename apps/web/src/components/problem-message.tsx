import { ApiError } from '../api/problem.ts';
import './problem-message.css';

/**
 * Shows why a request failed, in the API's own words (the problem's `detail`), with a retry
 * button when the caller can retry.
 */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const title = problem?.title ?? 'Something went wrong';
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  return (
    <div className="problem" role="alert">
      <div className="problem__body">
        <p className="problem__title">{title}</p>
        <p className="problem__detail">{detail}</p>
        {problem ? <p className="problem__code">{problem.code}{problem.status ? ` · HTTP ${problem.status}` : ''}</p> : null}
      </div>
      {onRetry ? <button type="button" className="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}
