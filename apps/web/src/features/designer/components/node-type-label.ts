import type { NodeType } from '@atelier/domain';
import type { TFunction } from 'i18next';

/** The name of a node type in the user's language (literal keys, so the unused-key check sees them). */
export function nodeTypeLabel(t: TFunction<'designer'>, type: NodeType): string {
  switch (type) {
    case 'start':
      return t('nodeType.start');
    case 'end':
      return t('nodeType.end');
    case 'operation':
      return t('nodeType.operation');
    case 'qc':
      return t('nodeType.qc');
    case 'split':
      return t('nodeType.split');
    case 'join':
      return t('nodeType.join');
    case 'decision':
      return t('nodeType.decision');
  }
}
