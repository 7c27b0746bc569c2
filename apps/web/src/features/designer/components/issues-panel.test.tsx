import { graphIssue } from '@atelier/domain';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../lib/testing/render.tsx';
import { IssuesList } from './issues-panel.tsx';

const names = new Map([
  ['qc', 'Final QC'],
  ['cut', 'Cutting'],
]);
const issues = [
  graphIssue('SKILL_UNCOVERED', 'Nobody has skill "x".', ['cut']),
  graphIssue('QC_EDGES', 'QC step "Final QC" (qc) needs a fail or rework path.', ['qc'], [3]),
];

describe('IssuesList', () => {
  it('lists errors before warnings, names the steps, and shows one when clicked', async () => {
    const onShow = vi.fn();
    await renderWithProviders(<IssuesList issues={issues} nameOf={(k) => names.get(k)} onShow={onShow} showDetail />);
    const buttons = screen.getAllByRole('button');
    expect(buttons[0]).toHaveTextContent('Error');
    expect(buttons[0]).toHaveTextContent('A QC step needs one pass and a fail or rework connection');
    expect(buttons[0]).toHaveTextContent('Final QC (qc)');
    expect(buttons[1]).toHaveTextContent('Warning');
    await userEvent.click(buttons[0] as HTMLElement);
    expect(onShow).toHaveBeenCalledWith(issues[1]);
  });

  it('speaks Thai, and says so when there is nothing to fix', async () => {
    const { rerender } = await renderWithProviders(
      <IssuesList issues={issues} nameOf={(k) => names.get(k)} onShow={() => {}} showDetail={false} />,
      { language: 'th' },
    );
    expect(screen.getByText('ขั้นตอนตรวจคุณภาพต้องมีเส้นผ่านหนึ่งเส้น และเส้นไม่ผ่านหรือแก้งาน')).toBeInTheDocument();
    expect(screen.queryByText(/needs a fail or rework path/)).toBeNull();
    rerender(<IssuesList issues={[]} nameOf={() => undefined} onShow={() => {}} showDetail={false} />);
    expect(screen.getByText('ไม่มีปัญหา เส้นทางนี้เผยแพร่ได้')).toBeInTheDocument();
  });
});
