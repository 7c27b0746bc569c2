import { useTranslation } from 'react-i18next';

/** Attributes a piece shows, in this order, with their translated names; others follow by their own name. */
const KNOWN = ['leather', 'colour', 'size', 'initials'] as const;
type KnownAttribute = (typeof KNOWN)[number];
const isKnown = (name: string): name is KnownAttribute => (KNOWN as readonly string[]).includes(name);

/** The piece's attributes (leather, colour, size …) as chips; values are the order's own words. */
export function AttributeList({ attributes }: { attributes: Record<string, unknown> }) {
  const { t } = useTranslation('station');
  const names: Record<KnownAttribute, string> = {
    leather: t('attributes.leather'),
    colour: t('attributes.colour'),
    size: t('attributes.size'),
    initials: t('attributes.initials'),
  };
  const entries = Object.entries(attributes)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .sort(([a], [b]) => (isKnown(a) ? KNOWN.indexOf(a) : 99) - (isKnown(b) ? KNOWN.indexOf(b) : 99));
  if (entries.length === 0) return null;
  return (
    <ul className="wq-attributes">
      {entries.map(([name, value]) => (
        <li key={name} className="wq-chip">
          <span className="wq-chip__name" translate={isKnown(name) ? undefined : 'no'}>
            {isKnown(name) ? names[name] : name}
          </span>{' '}
          <span translate="no">{String(value)}</span>
        </li>
      ))}
    </ul>
  );
}
