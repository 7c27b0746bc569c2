import { useTranslation } from 'react-i18next';
import { ApiError, isTransient } from '../api/problem.ts';
import { Button } from './button.tsx';
import './problem-message.css';

/**
 * Shows why a request failed, in the API's own words (the problem's `detail`). The retry button
 * appears only when the caller can retry and repeating may help (not for a 404 or a 400).
 */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : null;
  const title = problem?.title ?? t('states.errorTitle');
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  return (
    <div className="problem" role="alert">
      <div className="problem__body">
        <p className="problem__title">{title}</p>
        <p className="problem__detail">{detail}</p>
        {problem ? (
          <p className="problem__code">
            {problem.code}
            {problem.status ? ` · HTTP ${problem.status}` : ''}
          </p>
        ) : null}
      </div>
      {onRetry && (!problem || isTransient(problem)) ? <Button onClick={onRetry}>{t('actions.retry')}</Button> : null}
    </div>
  );
}
