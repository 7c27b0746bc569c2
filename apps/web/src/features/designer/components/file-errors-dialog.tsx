import type { SchemaError } from '@atelier/domain';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';

/** A file that is not a routing-graph/v1 document: every problem with its JSON path; nothing was changed. */
export function FileErrorsDialog({ errors, onClose }: { errors: readonly SchemaError[] | null; onClose: () => void }) {
  const { t } = useTranslation('designer');
  return (
    <Dialog
      open={errors !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t('importErrors.title')}
      description={t('importErrors.description')}
      footer={<Button onClick={onClose}>{t('actions.close')}</Button>}
    >
      <ul className="dz-file-errors" data-testid="import-errors">
        {(errors ?? []).map((error, i) => (
          <li key={i}>
            <code>{error.path}</code>{' '}
            {error.message === 'Unknown field' ? t('importErrors.unknownField') : error.message}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
