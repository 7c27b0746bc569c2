import { useTranslation } from 'react-i18next';
import type { OrderKind } from '../api/order-summary.ts';

/** How each kind of order is named, in the user's language. */
export interface KindText {
  singular: string;
  plural: string;
  /** Who the order is for: an MO's brand client, an atelier job's customer. */
  party: string;
}

/** The names of each kind of order (explicit keys, so the catalog check sees them). */
export function useKindText(): (kind: OrderKind) => KindText {
  const { t } = useTranslation('orders');
  return (kind) =>
    kind === 'manufacturing-orders'
      ? { singular: t('kind.mo'), plural: t('kind.moPlural'), party: t('kind.client') }
      : { singular: t('kind.aj'), plural: t('kind.ajPlural'), party: t('kind.customer') };
}
