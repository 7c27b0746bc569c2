import type { IssueSeverity, ValidationContext } from '@atelier/domain';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createDesignerStore } from '../model/designer-store.ts';
import type { DesignerState, DesignerStore } from '../model/designer-store.ts';
import { createLiveValidator } from '../model/live-validation.ts';
import type { LiveValidation } from '../model/live-validation.ts';

/** The canvas store and the validation of what it holds, shared by every designer component. */
interface DesignerStores {
  designer: DesignerStore;
  validation: StoreApi<LiveValidation>;
  validate: ReturnType<typeof createLiveValidator>;
}

const DesignerContext = createContext<DesignerStores | null>(null);

function useStores(): DesignerStores {
  const stores = useContext(DesignerContext);
  if (!stores) throw new Error('Designer components need a <DesignerProvider>.');
  return stores;
}

/**
 * Holds one designer store for the page and revalidates on every edit, outside React: a store
 * subscription runs the domain validator (cached while only positions or selection change).
 */
export function DesignerProvider({ context, children }: { context: ValidationContext; children: ReactNode }) {
  const [stores] = useState<DesignerStores>(() => {
    const designer = createDesignerStore();
    const validate = createLiveValidator();
    const validation = createStore<LiveValidation>(() => validate(designer.getState()));
    return { designer, validation, validate };
  });
  useEffect(() => {
    const { designer, validation, validate } = stores;
    const run = () => {
      const next = validate(designer.getState(), context);
      if (next !== validation.getState()) validation.setState(next, true);
    };
    run();
    return designer.subscribe(run);
  }, [stores, context]);
  return <DesignerContext value={stores}>{children}</DesignerContext>;
}

/** A narrow, shallow-compared slice of the canvas store. */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useStores().designer, useShallow(selector));
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useDesignerStore(): DesignerStore {
  return useStores().designer;
}

/** A slice of the live validation. */
export function useValidation<T>(selector: (state: LiveValidation) => T): T {
  return useStore(useStores().validation, useShallow(selector));
}

/** The worst finding on one node (for its highlight); re-renders only that node when it changes. */
export function useNodeSeverity(key: string): IssueSeverity | undefined {
  return useStore(useStores().validation, (state) => state.nodeSeverity.get(key));
}

/** The worst finding on one edge. */
export function useEdgeSeverity(id: string): IssueSeverity | undefined {
  return useStore(useStores().validation, (state) => state.edgeSeverity.get(id));
}

/** Undo/redo availability and commands. */
export function useHistory() {
  const { temporal } = useStores().designer;
  const counts = useStore(
    temporal,
    useShallow((state) => ({ canUndo: state.pastStates.length > 0, canRedo: state.futureStates.length > 0 })),
  );
  return { ...counts, undo: () => temporal.getState().undo(), redo: () => temporal.getState().redo() };
}
