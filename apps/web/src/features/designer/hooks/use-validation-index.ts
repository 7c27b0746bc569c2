import { useCallback } from 'react';
import { useValidation } from './designer-context.tsx';

/**
 * A getter for the domain index of the current canvas (the one validation built), so connection
 * checks while drawing cost nothing extra.
 */
export function useValidationIndex() {
  const index = useValidation((s) => s.index);
  return useCallback(() => index, [index]);
}
