import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { ANA, workItemFixture } from '../testing/work-item-fixture.ts';
import { WorkTimer } from './work-timer.tsx';

describe('WorkTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false, toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-12-02T08:00:30.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts on from the time logs while a clock runs', async () => {
    // 600 s finished + 30 s since the running log began.
    const item = workItemFixture({ bound: [ANA], state: 'in_progress', running: true });
    await renderWithProviders(<WorkTimer item={item} label="Worked" />);
    expect(screen.getByRole('timer', { name: 'Worked' })).toHaveTextContent('10:30');
    await act(async () => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.getByRole('timer')).toHaveTextContent('10:35');
  });

  it('stands still while paused, and turns to the warning past the standard time', async () => {
    const item = workItemFixture({ bound: [ANA], state: 'paused' });
    const over = { ...item, node: { ...item.node, standardMinutes: 5 } };
    await renderWithProviders(<WorkTimer item={over} label="Worked" />);
    await act(async () => {
      vi.advanceTimersByTime(5000);
    });
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent('10:00');
    expect(timer).toHaveClass('wq-timer--over');
  });
});
