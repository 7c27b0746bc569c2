import { useTranslation } from 'react-i18next';
import { ApiError, isTransient } from '../api/problem.ts';
import { useProblemText } from '../i18n/problem-text.ts';
import { Button } from './button.tsx';
import './problem-message.css';

/**
 * Shows why a request failed, in plain words in the user's language (the problem's code decides
 * the sentence; an English reader also gets the server's own detail). The retry button appears
 * only when the caller can retry and repeating may help (not for a 404 or a 400).
 */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useProblemText()(error);
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <div className="problem" role="alert">
      <div className="problem__body">
        <p className="problem__title">{text.title}</p>
        {text.detail ? <p className="problem__detail">{text.detail}</p> : null}
        {text.reference ? <p className="problem__code">{text.reference}</p> : null}
      </div>
      {onRetry && (!problem || isTransient(problem)) ? <Button onClick={onRetry}>{t('actions.retry')}</Button> : null}
    </div>
  );
}
