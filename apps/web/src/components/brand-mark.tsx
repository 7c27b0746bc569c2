import './brand-mark.css';

/**
 * The product's logo mark: a leather tab with a stitch line. Decorative; the name beside it carries
 * the meaning. `className` sets its size.
 */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg className={className ? `brand-mark ${className}` : 'brand-mark'} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" />
      <path d="M9 22c3-8 11-8 14 0" />
      <circle cx="16" cy="11" r="2.5" />
    </svg>
  );
}
