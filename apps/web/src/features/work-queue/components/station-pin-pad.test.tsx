import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { pressPinKey } from '../../../lib/pin-entry.ts';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { StationPinPad } from './station-pin-pad.tsx';

function Harness({ disabled = false }: { disabled?: boolean }) {
  const [pin, setPin] = useState('');
  return (
    <>
      <StationPinPad pin={pin} disabled={disabled} onKey={(key) => setPin((current) => pressPinKey(current, key))} />
      <output data-testid="pin">{pin}</output>
    </>
  );
}

describe('StationPinPad', () => {
  it('types digits, deletes the last and clears, showing only how many were entered', async () => {
    await renderWithProviders(<Harness />);
    const user = userEvent.setup();
    for (const digit of ['1', '1', '0', '4']) await user.click(screen.getByRole('button', { name: digit }));
    expect(screen.getByTestId('pin')).toHaveTextContent('1104');
    expect(screen.getByLabelText('PIN: 4 digits entered')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete last digit' }));
    expect(screen.getByLabelText('PIN: 3 digits entered')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear PIN' }));
    expect(screen.getByTestId('pin')).toHaveTextContent('');
    expect(screen.getByLabelText('PIN: 0 digits entered')).toBeInTheDocument();
  });

  it('speaks Thai, and ignores taps while disabled', async () => {
    await renderWithProviders(<Harness disabled />, { language: 'th' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '5' }));
    expect(screen.getByTestId('pin')).toHaveTextContent('');
    expect(screen.getByRole('button', { name: 'ล้างรหัส PIN' })).toBeDisabled();
    expect(screen.getByLabelText('PIN: กรอกแล้ว 0 หลัก')).toBeInTheDocument();
  });
});
