import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { ANA, BO, workItemFixture } from '../testing/work-item-fixture.ts';
import { WorkCard } from './work-card.tsx';

const buttonsOf = () =>
  within(screen.getByRole('article'))
    .getAllByRole('button')
    .map((button) => button.textContent);

describe('WorkCard', () => {
  it('shows the piece: serial, order and product, attributes, step, standard time, due date, who is on it', async () => {
    const item = workItemFixture({ bound: [ANA], state: 'in_progress', priority: 2 });
    await renderWithProviders(<WorkCard item={item} me={ANA} busy={false} onAction={vi.fn()} onDetails={vi.fn()} />);
    const card = screen.getByRole('article', { name: 'MO-2026-0012-007' });
    expect(card).toHaveTextContent('MO-2026-0012 · Signature Tote');
    expect(card).toHaveTextContent('Leather Vachetta');
    expect(card).toHaveTextContent('Colour Cognac');
    expect(card).toHaveTextContent('Stitch body · Stitching');
    expect(card).toHaveTextContent('Standard 25 mins');
    expect(card).toHaveTextContent('10 Dec 2026');
    expect(card).toHaveTextContent('Priority 2');
    expect(card).toHaveTextContent('Ana Srisuk');
    expect(card).toHaveTextContent('In progress');
  });

  it.each([
    ['a ready piece', workItemFixture(), ANA, ['Claim', 'Details']],
    ['my claimed piece', workItemFixture({ bound: [ANA], state: 'assigned' }), ANA, ['Start', 'Send back', 'Details']],
    [
      'my piece in progress',
      workItemFixture({ bound: [ANA], state: 'in_progress' }),
      ANA,
      ['Complete', 'Pause', 'Hand off', 'Details'],
    ],
    ['my paused piece', workItemFixture({ bound: [ANA], state: 'paused' }), ANA, ['Resume', 'Hand off', 'Details']],
    [
      'a QC piece in progress',
      workItemFixture({ bound: [ANA], state: 'in_progress', kind: 'qc' }),
      ANA,
      ['Inspect', 'Pause', 'Hand off', 'Details'],
    ],
    [
      "a colleague's multi-operator piece with room",
      workItemFixture({ bound: [ANA], state: 'in_progress', maxOperators: 3 }),
      BO,
      ['Join', 'Details'],
    ],
  ])('offers the actions of %s', async (_label, item, me, expected) => {
    await renderWithProviders(<WorkCard item={item} me={me} busy={false} onAction={vi.fn()} onDetails={vi.fn()} />);
    expect(buttonsOf()).toEqual(expected);
  });

  it('sends the tapped action; a start waits for the minimum operators and says so', async () => {
    const onAction = vi.fn();
    const item = workItemFixture({ bound: [ANA], state: 'assigned', minOperators: 2, maxOperators: 3 });
    await renderWithProviders(<WorkCard item={item} me={ANA} busy={false} onAction={onAction} onDetails={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
    expect(screen.getByText('Needs 2 operators to start')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send back' }));
    expect(onAction).toHaveBeenCalledWith('requeue', item);
  });

  it('keeps every button busy while a command is on its way, so a double tap sends nothing more', async () => {
    const onAction = vi.fn();
    const item = workItemFixture({ bound: [ANA], state: 'in_progress' });
    await renderWithProviders(<WorkCard item={item} me={ANA} busy onAction={onAction} onDetails={vi.fn()} />);
    for (const name of ['Complete', 'Pause', 'Hand off']) expect(screen.getByRole('button', { name })).toBeDisabled();
  });

  it('reads in Thai', async () => {
    const item = workItemFixture({ bound: [ANA], state: 'paused' });
    await renderWithProviders(<WorkCard item={item} me={ANA} busy={false} onAction={vi.fn()} onDetails={vi.fn()} />, {
      language: 'th',
    });
    expect(buttonsOf()).toEqual(['ทำต่อ', 'ส่งต่อ', 'รายละเอียด']);
    expect(screen.getByRole('article')).toHaveTextContent('หยุดชั่วคราว');
  });
});
