import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';

/**
 * A secret shown this once (an API key, a pairing code), large and selectable, with a copy button
 * that says when it worked.
 */
export function SecretReveal({ label, secret, large = false }: { label: string; secret: string; large?: boolean }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a refusal): the secret stays on screen to copy by hand.
      setCopied('failed');
    }
  };
  return (
    <div className="admin-secret">
      <span className="field__label">{label}</span>
      <div className="admin-secret__row">
        <output className={`admin-secret__value${large ? ' admin-secret__value--large' : ''}`} aria-label={label}>
          {secret}
        </output>
        <Button onClick={() => void copy()}>{copied === 'yes' ? t('actions.copied') : t('actions.copy')}</Button>
      </div>
      {copied === 'failed' ? <p className="field__hint">{t('secret.copyFailed')}</p> : null}
    </div>
  );
}
