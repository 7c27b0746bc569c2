import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem.ts';

/** A failure as the screens word it, in the user's language. */
export interface ProblemText {
  /** One plain sentence: what happened. */
  title: string;
  /**
   * More about it: in English the server's own words (they name the order, the piece, the wait),
   * in other languages what to do next. Null when there is nothing to add.
   */
  detail: string | null;
  /** "Code ALREADY_CLAIMED · HTTP 409", for support; null for failures that are not the API's. */
  reference: string | null;
}

/** The sentence for each stable problem code the app's users meet; literal keys, so the catalog check sees them. */
function codeText(t: TFunction<'common'>, code: string): string | null {
  if (code.endsWith('_NOT_FOUND') && code !== 'ROUTE_NOT_FOUND') return t('problems.codes.NOT_FOUND');
  switch (code) {
    case 'AUTHENTICATION_REQUIRED':
      return t('problems.codes.AUTHENTICATION_REQUIRED');
    case 'INVALID_CREDENTIALS':
      return t('problems.codes.INVALID_CREDENTIALS');
    case 'TOO_MANY_ATTEMPTS':
      return t('problems.codes.TOO_MANY_ATTEMPTS');
    case 'INVALID_PAIRING_CODE':
      return t('problems.codes.INVALID_PAIRING_CODE');
    case 'USER_INACTIVE':
      return t('problems.codes.USER_INACTIVE');
    case 'ROLE_NOT_ALLOWED':
      return t('problems.codes.ROLE_NOT_ALLOWED');
    case 'USER_REQUIRED':
      return t('problems.codes.USER_REQUIRED');
    case 'VALIDATION_FAILED':
      return t('problems.codes.VALIDATION_FAILED');
    case 'ALREADY_CLAIMED':
      return t('problems.codes.ALREADY_CLAIMED');
    case 'NOT_CLAIMABLE':
      return t('problems.codes.NOT_CLAIMABLE');
    case 'NOT_QUALIFIED':
      return t('problems.codes.NOT_QUALIFIED');
    case 'NOT_HOLDER':
      return t('problems.codes.NOT_HOLDER');
    case 'NO_WORK_AVAILABLE':
      return t('problems.codes.NO_WORK_AVAILABLE');
    case 'WORK_ITEM_CHANGED':
      return t('problems.codes.WORK_ITEM_CHANGED');
    case 'WORK_ITEM_HELD':
      return t('problems.codes.WORK_ITEM_HELD');
    case 'WORK_ITEM_CLOSED':
      return t('problems.codes.WORK_ITEM_CLOSED');
    case 'TRANSACTION_CONFLICT':
      return t('problems.codes.TRANSACTION_CONFLICT');
    case 'IDEMPOTENCY_KEY_IN_USE':
      return t('problems.codes.IDEMPOTENCY_KEY_IN_USE');
    case 'DATABASE_UNAVAILABLE':
      return t('problems.codes.DATABASE_UNAVAILABLE');
    case 'NETWORK_ERROR':
      return t('problems.codes.NETWORK_ERROR');
    case 'CROSS_SITE_REQUEST':
      return t('problems.codes.CROSS_SITE_REQUEST');
    case 'INTERNAL_ERROR':
      return t('problems.codes.INTERNAL_ERROR');
    default:
      return null;
  }
}

/** What any failure of this HTTP status means, for codes without a sentence of their own. */
function statusText(t: TFunction<'common'>, status: number): { title: string; hint: string } {
  if (status === 0) return { title: t('problems.status.network'), hint: t('problems.hint.network') };
  if (status === 401) return { title: t('problems.status.unauthorized'), hint: t('problems.hint.retry') };
  if (status === 403) return { title: t('problems.status.forbidden'), hint: t('problems.hint.ask') };
  if (status === 404) return { title: t('problems.status.notFound'), hint: t('problems.hint.reload') };
  if (status === 409 || status === 412)
    return { title: t('problems.status.conflict'), hint: t('problems.hint.reload') };
  if (status === 429) return { title: t('problems.status.tooMany'), hint: t('problems.hint.retry') };
  if (status >= 500) return { title: t('problems.status.server'), hint: t('problems.hint.retry') };
  if (status >= 400) return { title: t('problems.status.invalid'), hint: t('problems.hint.check') };
  return { title: t('problems.status.other'), hint: t('problems.hint.retry') };
}

/** Words any failure (an {@link ApiError} or anything thrown) in the language `t` speaks. */
export function describeProblem(t: TFunction<'common'>, language: string, error: unknown): ProblemText {
  if (!(error instanceof ApiError)) {
    // A programming error's message is English and technical: only an English reader gets it.
    const detail = language === 'en' && error instanceof Error ? error.message : null;
    return { title: t('problems.status.other'), detail, reference: null };
  }
  const { problem } = error;
  const fallback = statusText(t, problem.status);
  const title = codeText(t, problem.code) ?? fallback.title;
  const detail = language === 'en' ? problem.detail : fallback.hint;
  const reference = problem.status ? t('problems.code', { code: problem.code, status: problem.status }) : null;
  return { title, detail: detail === title ? null : detail, reference };
}

/** {@link describeProblem} in the current language. */
export function useProblemText(): (error: unknown) => ProblemText {
  const { t, i18n } = useTranslation();
  return (error) => describeProblem(t, i18n.language, error);
}
