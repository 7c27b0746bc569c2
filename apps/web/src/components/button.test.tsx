import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../lib/testing/render.tsx';
import { Button } from './button.tsx';

describe('Button', () => {
  it('never submits by accident and ignores taps while its command is pending', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    const { rerender } = await renderWithProviders(<Button onClick={onClick}>Complete</Button>);
    const button = screen.getByRole('button', { name: 'Complete' });
    expect(button).toHaveAttribute('type', 'button');
    await user.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);

    rerender(
      <Button onClick={onClick} pending variant="primary" size="large">
        Complete
      </Button>,
    );
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveClass('button', 'button--primary', 'button--large');
    await user.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
