import type { IssueCode } from '@atelier/domain';
import type { TFunction } from 'i18next';

/** A finding's headline in the user's language (the domain's message is English detail). */
export function issueTitle(t: TFunction<'designer'>, code: IssueCode): string {
  switch (code) {
    case 'START_COUNT':
      return t('issue.START_COUNT');
    case 'END_MISSING':
      return t('issue.END_MISSING');
    case 'UNREACHABLE_NODE':
      return t('issue.UNREACHABLE_NODE');
    case 'DEAD_END':
      return t('issue.DEAD_END');
    case 'CYCLE':
      return t('issue.CYCLE');
    case 'REWORK_TARGET':
      return t('issue.REWORK_TARGET');
    case 'SPLIT_ARITY':
      return t('issue.SPLIT_ARITY');
    case 'JOIN_ARITY':
      return t('issue.JOIN_ARITY');
    case 'UNMATCHED_SPLIT':
      return t('issue.UNMATCHED_SPLIT');
    case 'UNMATCHED_JOIN':
      return t('issue.UNMATCHED_JOIN');
    case 'DECISION_DEFAULT':
      return t('issue.DECISION_DEFAULT');
    case 'QC_EDGES':
      return t('issue.QC_EDGES');
    case 'OPERATION_CONFIG':
      return t('issue.OPERATION_CONFIG');
    case 'UNKNOWN_REFERENCE':
      return t('issue.UNKNOWN_REFERENCE');
    case 'DUPLICATE_KEY':
      return t('issue.DUPLICATE_KEY');
    case 'DUPLICATE_EDGE':
      return t('issue.DUPLICATE_EDGE');
    case 'SELF_LOOP':
      return t('issue.SELF_LOOP');
    case 'EDGE_ENDPOINT':
      return t('issue.EDGE_ENDPOINT');
    case 'AMBIGUOUS_ROUTE':
      return t('issue.AMBIGUOUS_ROUTE');
    case 'EDGE_KIND':
      return t('issue.EDGE_KIND');
    case 'SKILL_UNCOVERED':
      return t('issue.SKILL_UNCOVERED');
    case 'WORK_CENTER_NO_CAPACITY':
      return t('issue.WORK_CENTER_NO_CAPACITY');
    case 'DECISION_OVERLAP':
      return t('issue.DECISION_OVERLAP');
  }
}
