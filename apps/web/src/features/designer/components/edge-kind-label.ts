import type { EdgeKind } from '@atelier/domain';
import type { TFunction } from 'i18next';

/** The name of an edge kind in the user's language. */
export function edgeKindLabel(t: TFunction<'designer'>, kind: EdgeKind): string {
  switch (kind) {
    case 'normal':
      return t('edge.kind.normal');
    case 'pass':
      return t('edge.kind.pass');
    case 'fail':
      return t('edge.kind.fail');
    case 'rework':
      return t('edge.kind.rework');
    case 'condition':
      return t('edge.kind.condition');
    case 'default':
      return t('edge.kind.default');
  }
}
