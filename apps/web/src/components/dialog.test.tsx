import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../lib/testing/render.tsx';
import { Button } from './button.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { Dialog } from './dialog.tsx';

function DialogHarness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Dialog open={open} onOpenChange={setOpen} title="Pause piece" description="Pick a reason.">
        <input aria-label="Note" />
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('opens as a labelled modal, closes with Escape and with the translated close button', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<DialogHarness />, { language: 'th' });
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pause piece' });
    expect(dialog).toHaveAccessibleDescription('Pick a reason.');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(await screen.findByRole('button', { name: 'ปิด' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('adds no <style> element to the page (the CSP refuses inline styles)', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<DialogHarness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('dialog');
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });
});

describe('ConfirmDialog', () => {
  it('asks, then calls onConfirm once and stays open while the command is pending', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    const { rerender } = await renderWithProviders(
      <ConfirmDialog
        open
        onOpenChange={() => undefined}
        title="Cancel 3 pieces?"
        description="They will be scrapped."
        confirmLabel="Cancel pieces"
        tone="danger"
        onConfirm={onConfirm}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel 3 pieces?' });
    expect(dialog).toHaveAccessibleDescription('They will be scrapped.');
    await user.click(screen.getByRole('button', { name: 'Cancel pieces' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);

    rerender(
      <ConfirmDialog
        open
        pending
        onOpenChange={() => undefined}
        title="Cancel 3 pieces?"
        description="They will be scrapped."
        confirmLabel="Cancel pieces"
        onConfirm={onConfirm}
      />,
    );
    expect(screen.getByRole('button', { name: 'Cancel pieces' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });
});
