import { describe, expect, it } from 'vitest';
import { statusLabel, statusTone } from './status.ts';

describe('order status', () => {
  it('labels statuses as words', () => {
    expect(statusLabel('in_progress')).toBe('In progress');
    expect(statusLabel('RELEASED')).toBe('Released');
    expect(statusLabel('on-hold')).toBe('On hold');
  });

  it('colours the lifecycle and keeps unknown statuses neutral', () => {
    expect(statusTone('released')).toBe('info');
    expect(statusTone('completed')).toBe('success');
    expect(statusTone('cancelled')).toBe('danger');
    expect(statusTone('something_new')).toBe('neutral');
  });
});
