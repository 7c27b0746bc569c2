import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../lib/testing/render.tsx';
import { toast } from './toast.ts';
import { Toaster } from './toaster.tsx';

afterEach(() => act(() => toast.clear()));

describe('Toaster', () => {
  it('shows a command result from anywhere, and dismisses it with the translated button', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<Toaster />, { language: 'th' });
    act(() => {
      toast.success('Piece completed', 'MO-2026-0012-007 moved to Edge painting.');
    });
    const item = await screen.findByText('Piece completed');
    const toastElement = item.closest('li');
    expect(toastElement).not.toBeNull();
    expect(within(toastElement as HTMLElement).getByText('MO-2026-0012-007 moved to Edge painting.')).toBeVisible();
    await user.click(within(toastElement as HTMLElement).getByRole('button', { name: 'ปิดข้อความ' }));
    expect(screen.queryByText('Piece completed')).toBeNull();
  });

  it('keeps only the newest few when events burst', async () => {
    await renderWithProviders(<Toaster />);
    act(() => {
      for (let n = 1; n <= 6; n++) toast.info(`Event ${n}`);
    });
    expect(screen.queryByText('Event 1')).toBeNull();
    expect(screen.queryByText('Event 2')).toBeNull();
    expect(await screen.findByText('Event 6')).toBeVisible();
    expect(screen.getByText('Event 3')).toBeVisible();
  });
});
