import type { NodePresetItem } from '@atelier/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Node types in the user's language. */
export function useNodeTypeLabels(): Record<NodePresetItem['nodeType'], string> {
  const { t } = useTranslation('admin');
  return useMemo(
    () => ({
      operation: t('nodeTypes.operation'),
      qc: t('nodeTypes.qc'),
      split: t('nodeTypes.split'),
      join: t('nodeTypes.join'),
      decision: t('nodeTypes.decision'),
      start: t('nodeTypes.start'),
      end: t('nodeTypes.end'),
    }),
    [t],
  );
}
