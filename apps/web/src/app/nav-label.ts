import type { TFunction } from 'i18next';
import type { NavId } from './navigation.ts';

/** A screen's name in the navigation (explicit keys, so the catalog check sees each). */
export function navLabel(t: TFunction<'common'>, id: NavId): string {
  switch (id) {
    case 'orders':
      return t('nav.orders');
    case 'control':
      return t('nav.control');
    case 'plan':
      return t('nav.plan');
    case 'run':
      return t('nav.run');
    case 'inspect':
      return t('nav.inspect');
    case 'workQueue':
      return t('nav.workQueue');
    case 'designer':
      return t('nav.designer');
    case 'tokens':
      return t('nav.tokens');
    case 'admin':
      return t('nav.admin');
  }
}
