import { routingGraphSchema } from '@atelier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { CommitField } from './commit-field.tsx';

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps {
  open: boolean;
  code: string;
  name: string;
  pending: boolean;
  onKeepEditing: () => void;
  onReload: () => void;
  onSaveCopy: (copy: { code: string; name: string }) => void;
}

/**
 * Someone saved the draft after it was opened here. Nothing is lost: the edits stay on the canvas
 * and in this browser; the designer reloads theirs, saves these as a new routing, or keeps editing.
 */
export function ConflictDialog({
  open,
  code,
  name,
  pending,
  onKeepEditing,
  onReload,
  onSaveCopy,
}: ConflictDialogProps) {
  const { t } = useTranslation('designer');
  const [copyCode, setCopyCode] = useState(`${code}-COPY`.slice(0, 40));
  const [copyName, setCopyName] = useState(t('conflict.copyName', { name }));
  const codeValid =
    routingGraphSchema.shape.code.safeParse(copyCode).success && /^[A-Z0-9][A-Z0-9_-]*$/i.test(copyCode);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onKeepEditing()}
      title={t('conflict.title')}
      description={t('conflict.description')}
      footer={
        <>
          <Button onClick={onKeepEditing}>{t('conflict.keepEditing')}</Button>
          <Button variant="danger" onClick={onReload}>
            {t('conflict.reload')}
          </Button>
          <Button
            variant="primary"
            disabled={!codeValid || !copyName.trim()}
            pending={pending}
            onClick={() => onSaveCopy({ code: copyCode, name: copyName.trim() })}
          >
            {t('conflict.saveCopy')}
          </Button>
        </>
      }
    >
      <div className="dz-form">
        <CommitField
          commitOnChange
          label={t('conflict.copyCode')}
          value={copyCode}
          validate={(text) => (routingGraphSchema.shape.code.safeParse(text).success ? null : t('field.required'))}
          onCommit={setCopyCode}
        />
        <CommitField commitOnChange label={t('conflict.copyNameLabel')} value={copyName} onCommit={setCopyName} />
      </div>
    </Dialog>
  );
}
