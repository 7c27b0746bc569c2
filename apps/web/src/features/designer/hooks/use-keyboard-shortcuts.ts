import { useEffect, useRef } from 'react';

/** What a shortcut does. */
export interface ShortcutActions {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  save(): void;
  layout(): void;
  fit(): void;
  help(): void;
  selectAll(): void;
}

/** The shortcuts, as listed in the help overlay (`mod` is Ctrl, or ⌘ on a Mac). */
export const SHORTCUTS = [
  { keys: 'mod+Z', action: 'undo' },
  { keys: 'mod+Shift+Z', action: 'redo' },
  { keys: 'mod+C', action: 'copy' },
  { keys: 'mod+V', action: 'paste' },
  { keys: 'mod+D', action: 'duplicate' },
  { keys: 'mod+A', action: 'selectAll' },
  { keys: 'mod+S', action: 'save' },
  { keys: 'Shift+L', action: 'layout' },
  { keys: 'Shift+1', action: 'fit' },
  { keys: 'Delete', action: 'delete' },
  { keys: '?', action: 'help' },
] as const;

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Binds the designer's shortcuts to the window while the page is open (not while typing in a field). */
export function useKeyboardShortcuts(actions: ShortcutActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        latest.current.save();
        return;
      }
      if (typing(event.target)) return;
      const run = (action: keyof ShortcutActions) => {
        event.preventDefault();
        latest.current[action]();
      };
      if (mod && key === 'z') run(event.shiftKey ? 'redo' : 'undo');
      else if (mod && key === 'y') run('redo');
      else if (mod && key === 'c') run('copy');
      else if (mod && key === 'v') run('paste');
      else if (mod && key === 'd') run('duplicate');
      else if (mod && key === 'a') run('selectAll');
      else if (!mod && event.shiftKey && key === 'l') run('layout');
      else if (!mod && event.shiftKey && (event.key === '!' || event.code === 'Digit1')) run('fit');
      else if (!mod && event.key === '?') run('help');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
