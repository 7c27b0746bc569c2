import { buildGraphIndex } from '@atelier/domain';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { letterGraph } from '../../../../../../packages/domain/src/graph/letter-graph.ts';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { checkConnection } from '../model/connection-rules.ts';
import { KindPicker } from './kind-picker.tsx';

describe('connecting out of a QC step', () => {
  it('offers the kinds the domain allows and draws the one picked', async () => {
    const index = buildGraphIndex(
      letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end', X: 'end' }, ['S>A', 'A>Q', 'Q>E pass']),
    );
    const check = checkConnection(index, 'Q', 'X');
    if (!check.ok) throw new Error(check.reason);
    const onPick = vi.fn();
    await renderWithProviders(<KindPicker x={10} y={10} kinds={check.kinds} onPick={onPick} onCancel={() => {}} />);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Fail', 'Rework', 'Cancel']);
    await userEvent.click(screen.getByRole('menuitem', { name: 'Fail' }));
    expect(onPick).toHaveBeenCalledWith('fail');
  });

  it('offers only rework for a loop back, in Thai too', async () => {
    const index = buildGraphIndex(
      letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end' }, ['S>A', 'A>Q', 'Q>E pass']),
    );
    const check = checkConnection(index, 'Q', 'A');
    expect(check).toEqual({ ok: true, kinds: ['rework'] });
    if (!check.ok) return;
    await renderWithProviders(<KindPicker x={0} y={0} kinds={check.kinds} onPick={() => {}} onCancel={() => {}} />, {
      language: 'th',
    });
    expect(screen.getByRole('menuitem', { name: 'แก้งาน' })).toBeInTheDocument();
  });
});
