import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE, idlePhase, idleSettingsFrom } from './idle-countdown.ts';

describe('idlePhase', () => {
  const settings = { idleSeconds: 60, warnSeconds: 10 };
  it('is active, then counts the last seconds down, then expires', () => {
    expect(idlePhase(0, 49_000, settings)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 50_000, settings)).toEqual({ phase: 'warning', secondsLeft: 10 });
    expect(idlePhase(0, 59_001, settings)).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(idlePhase(0, 60_000, settings)).toEqual({ phase: 'expired' });
  });

  it('starts over from the last touch', () => {
    expect(idlePhase(55_000, 60_000, settings)).toEqual({ phase: 'active' });
  });
});

describe('idleSettingsFrom', () => {
  it('takes the station URL idle time within bounds, with a proportional warning', () => {
    expect(idleSettingsFrom('?idle=60')).toEqual({ idleSeconds: 60, warnSeconds: 10 });
    expect(idleSettingsFrom('?idle=20')).toEqual({ idleSeconds: 20, warnSeconds: 5 });
    expect(idleSettingsFrom('?idle=600')).toEqual({ idleSeconds: 600, warnSeconds: 30 });
    for (const search of ['', '?idle=5', '?idle=abc', '?idle=99999'])
      expect(idleSettingsFrom(search)).toEqual(DEFAULT_IDLE);
  });
});
