import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ALL_CATALOGS } from '../i18n/all-catalogs.ts';
import { createI18n } from '../i18n/i18n.ts';
import { humanizeCode, statusLabel, statusTone } from './status.ts';

let en: TFunction<'common'>;
let th: TFunction<'common'>;
beforeAll(async () => {
  const i18n = await createI18n({ language: 'en', resources: ALL_CATALOGS });
  en = i18n.getFixedT('en', 'common');
  th = i18n.getFixedT('th', 'common');
});

describe('order status', () => {
  it('labels statuses in the user language, whatever their spelling', () => {
    expect(statusLabel(en, 'in_progress')).toBe('In progress');
    expect(statusLabel(en, 'RELEASED')).toBe('Released');
    expect(statusLabel(en, 'on-hold')).toBe('On hold');
    expect(statusLabel(th, 'completed')).toBe('เสร็จแล้ว');
  });

  it('still words a status no catalog knows yet', () => {
    expect(statusLabel(th, 'waiting_for_leather')).toBe('Waiting for leather');
    expect(humanizeCode('on-hold')).toBe('On hold');
  });

  it('colours the lifecycle and keeps unknown statuses neutral', () => {
    expect(statusTone('released')).toBe('info');
    expect(statusTone('completed')).toBe('success');
    expect(statusTone('cancelled')).toBe('danger');
    expect(statusTone('something_new')).toBe('neutral');
  });
});
