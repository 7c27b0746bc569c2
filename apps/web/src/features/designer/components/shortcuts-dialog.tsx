import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { SHORTCUTS } from '../hooks/use-keyboard-shortcuts.ts';

type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** Key names are printed on the keyboard, so they are not translated. */
const SHIFT_KEY = 'Shift';
const keysFor = (keys: string, mod: string) => keys.replace('mod', mod);

/** The keyboard shortcuts, listed. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('designer');
  const label = (action: ShortcutAction): string => {
    switch (action) {
      case 'undo':
        return t('shortcuts.undo');
      case 'redo':
        return t('shortcuts.redo');
      case 'copy':
        return t('shortcuts.copy');
      case 'paste':
        return t('shortcuts.paste');
      case 'duplicate':
        return t('shortcuts.duplicate');
      case 'selectAll':
        return t('shortcuts.selectAll');
      case 'save':
        return t('shortcuts.save');
      case 'layout':
        return t('shortcuts.layout');
      case 'fit':
        return t('shortcuts.fit');
      case 'delete':
        return t('shortcuts.delete');
      case 'help':
        return t('shortcuts.help');
    }
  };
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('shortcuts.title')}
      description={t('shortcuts.description')}
    >
      <table className="dz-shortcuts">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                <kbd>{keysFor(shortcut.keys, mod)}</kbd>
              </td>
              <td>{label(shortcut.action)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>{SHIFT_KEY}</kbd>
            </td>
            <td>{t('shortcuts.multiSelect')}</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
