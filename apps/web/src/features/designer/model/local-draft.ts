import { parseGraph } from '@atelier/domain';
import type { RoutingGraph } from '@atelier/domain';

/** Unsaved canvas edits kept in the browser until the server has them. */
export interface LocalDraft {
  /** The revision the edits were made on (a newer server revision means a conflict). */
  revision: number;
  graph: RoutingGraph;
  savedAt: string;
}

const keyOf = (code: string, n: number) => `atelier.designer.draft.${code}.v${n}`;

/** Reads the kept edits of a version, or null (a corrupt entry is dropped). */
export function readLocalDraft(storage: Storage, code: string, n: number): LocalDraft | null {
  const raw = storage.getItem(keyOf(code, n));
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    const parsed = parseGraph(value.graph);
    if (typeof value.revision !== 'number' || !parsed.ok) throw new Error('corrupt');
    return { revision: value.revision, graph: parsed.graph, savedAt: String(value.savedAt ?? '') };
  } catch {
    storage.removeItem(keyOf(code, n));
    return null;
  }
}

/** Keeps the edits; a full storage is not fatal (the edits are still on the canvas). */
export function writeLocalDraft(storage: Storage, code: string, n: number, draft: LocalDraft): boolean {
  try {
    storage.setItem(keyOf(code, n), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(storage: Storage, code: string, n: number): void {
  storage.removeItem(keyOf(code, n));
}
