import type { GraphIssue } from '@atelier/domain';
import { useTranslation } from 'react-i18next';
import { useValidation } from '../hooks/designer-context.tsx';
import { issueTitle } from './issue-title.ts';

/** Props of {@link IssuesList}. */
export interface IssuesListProps {
  issues: readonly GraphIssue[];
  /** Node names by key, for "Cutting (cut)". */
  nameOf: (key: string) => string | undefined;
  /** A finding was chosen: select and show what it names. */
  onShow: (issue: GraphIssue) => void;
  /** Show the validator's English detail (it names the exact problem). */
  showDetail: boolean;
}

/** The findings, errors first, each a button that shows the nodes and edges it names. */
export function IssuesList({ issues, nameOf, onShow, showDetail }: IssuesListProps) {
  const { t } = useTranslation('designer');
  if (issues.length === 0) return <p className="dz-issues__clean">{t('issues.none')}</p>;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="dz-issues__list">
      {sorted.map((issue, i) => (
        <li key={`${issue.code}-${i}`}>
          <button type="button" className={`dz-issue dz-issue--${issue.severity}`} onClick={() => onShow(issue)}>
            <span className="dz-issue__severity">
              {issue.severity === 'error' ? t('issues.error') : t('issues.warning')}
            </span>
            <span className="dz-issue__title">{issueTitle(t, issue.code)}</span>
            {issue.nodeKeys.length > 0 ? (
              <span className="dz-issue__nodes">
                {issue.nodeKeys
                  .map((key) => (nameOf(key) && nameOf(key) !== key ? `${nameOf(key)} (${key})` : key))
                  .join(', ')}
              </span>
            ) : null}
            {showDetail ? <span className="dz-issue__detail">{issue.message}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The live issues panel of the canvas. */
export function IssuesPanel({ onShow }: { onShow: (issue: GraphIssue) => void }) {
  const { t, i18n } = useTranslation('designer');
  const { issues, errorCount, warningCount, graph } = useValidation((s) => ({
    issues: s.issues,
    errorCount: s.errorCount,
    warningCount: s.warningCount,
    graph: s.graph,
  }));
  const names = new Map(graph.nodes.map((n) => [n.key, n.name]));
  return (
    <section className="dz-issues" aria-label={t('issues.title')}>
      <h2 className="dz-panel-title">
        {t('issues.title')}
        <span className="dz-issues__counts">
          {t('issues.errors', { count: errorCount })} · {t('issues.warnings', { count: warningCount })}
        </span>
      </h2>
      <IssuesList
        issues={issues}
        nameOf={(key) => names.get(key)}
        onShow={onShow}
        showDetail={i18n.language.startsWith('en')}
      />
    </section>
  );
}
