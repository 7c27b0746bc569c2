import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useFormat } from '../../../i18n/format.ts';
import type { Formatter } from '../../../i18n/format.ts';

const CanvasFormat = createContext<Formatter | null>(null);

/**
 * One formatter for every node on the canvas: `useFormat` builds its `Intl` objects per component,
 * which a thousand nodes would pay a thousand times on first render.
 */
export function CanvasFormatProvider({ children }: { children: ReactNode }) {
  return <CanvasFormat value={useFormat()}>{children}</CanvasFormat>;
}

/** The canvas's shared formatter. */
export function useCanvasFormat(): Formatter {
  const format = useContext(CanvasFormat);
  if (!format) throw new Error('Canvas nodes need a <CanvasFormatProvider>.');
  return format;
}
