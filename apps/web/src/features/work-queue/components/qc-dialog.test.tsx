import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { ANA, workItemFixture } from '../testing/work-item-fixture.ts';
import { QcDialog } from './qc-dialog.tsx';

const item = workItemFixture({
  bound: [ANA],
  state: 'in_progress',
  kind: 'qc',
  qcChecklist: ['Stitch line straight', 'Edges sealed'],
});

describe('QcDialog', () => {
  it('passes with the ticked checklist points and no defect codes', async () => {
    const onSubmit = vi.fn();
    await renderWithProviders(<QcDialog item={item} open onOpenChange={vi.fn()} pending={false} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Stitch line straight' }));
    expect(screen.getByRole('button', { name: 'Record result' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: 'Pass' }));
    await user.click(screen.getByRole('button', { name: 'Record result' }));
    expect(onSubmit).toHaveBeenCalledWith({ result: 'pass', reasonCodes: [], checked: ['Stitch line straight'] });
  });

  it('needs a defect for a rework, and sends codes and the note', async () => {
    const onSubmit = vi.fn();
    await renderWithProviders(<QcDialog item={item} open onOpenChange={vi.fn()} pending={false} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Rework' }));
    expect(screen.getByText('Choose at least one defect for a fail or rework.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record result' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Stitch gap' }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), '  Gap at the left handle ');
    await user.click(screen.getByRole('button', { name: 'Record result' }));
    expect(onSubmit).toHaveBeenCalledWith({
      result: 'rework',
      reasonCodes: ['STITCH_GAP'],
      checked: [],
      note: 'Gap at the left handle',
    });
  });
});
