import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CATALOGS } from '../../../i18n/all-catalogs.ts';
import { createI18n } from '../../../i18n/i18n.ts';
import { ONE_PIECE_SPLIT_JOB, SCRAPPED_AND_REPLACED_ORDER, nodeCount } from './order-count-fixtures.ts';
import { pieceSummary as summarize } from './piece-summary.ts';
import type { PieceCounts } from '../../../lib/progress.ts';
import type { NodeCount } from '@atelier/contracts';

const none = { completed: 0, inFlight: 0, notReleased: 0, scrapped: 0, cancelled: 0, replacements: 0 };
let english: TFunction<'orders'>;
let thai: TFunction<'orders'>;

beforeAll(async () => {
  const load = async (language: 'en' | 'th') =>
    (await createI18n({ language, resources: ALL_CATALOGS, namespaces: ['orders'] })).getFixedT(language, 'orders');
  english = await load('en');
  thai = await load('th');
});

const pieceSummary = (progress: PieceCounts, quantity: number, nodes: readonly NodeCount[]) =>
  summarize(english, 'en-GB', progress, quantity, nodes);

describe('pieceSummary', () => {
  it('counts a one-piece job split into components as one piece in flight', () => {
    const summary = pieceSummary({ ...none, inFlight: 1 }, 1, ONE_PIECE_SPLIT_JOB);
    expect(summary).toEqual({ equation: '0 completed + 1 in flight + 0 not released = 1 ordered', notes: [] });
  });

  it('adds up to the quantity, says where the piece was scrapped and that its replacement is in the count', () => {
    const summary = pieceSummary(
      { ...none, completed: 6, inFlight: 18, scrapped: 1, replacements: 1 },
      24,
      SCRAPPED_AND_REPLACED_ORDER,
    );
    expect(summary.equation).toBe('6 completed + 18 in flight + 0 not released = 24 ordered');
    expect(summary.notes).toEqual([
      '1 piece scrapped at Final inspection, not counted in the 24.',
      '1 of the pieces completed or in flight is a replacement: a piece that is scrapped or redesigned is made again from the first step, and the new piece counts towards the 24.',
    ]);
  });

  it('lists each step where pieces were scrapped or cancelled when there are several', () => {
    const nodes = [
      nodeCount('qc', 'Final inspection', 'qc', { ended: { scrapped: 2, cancelled: 1 } }),
      nodeCount('scrap', 'Scrapped', 'end', { ended: { scrapped: 1 } }),
    ];
    const summary = pieceSummary(
      { ...none, completed: 3, notReleased: 1, scrapped: 3, cancelled: 1, replacements: 2 },
      4,
      nodes,
    );
    expect(summary.notes[0]).toBe('3 pieces scrapped (2 at Final inspection, 1 at Scrapped), not counted in the 4.');
    expect(summary.notes[1]).toBe(
      '1 piece cancelled at Final inspection, not counted in the 4: redesigned (and replaced) or dropped from the order.',
    );
    expect(summary.notes[2]).toMatch(/^2 of the pieces completed or in flight are replacements/);
  });

  it('says the same in Thai, with a Thai list of steps', () => {
    const nodes = [
      nodeCount('qc', 'Final inspection', 'qc', { ended: { scrapped: 2 } }),
      nodeCount('scrap', 'Scrapped', 'end', { ended: { scrapped: 1 } }),
    ];
    const summary = summarize(thai, 'th-TH', { ...none, completed: 3, scrapped: 3 }, 3, nodes);
    expect(summary.equation).toBe('เสร็จ 3 + กำลังผลิต 0 + ยังไม่ปล่อย 0 = สั่ง 3 ชิ้น');
    expect(summary.notes).toEqual(['ทิ้ง 3 ชิ้น (2 ชิ้นที่ Final inspection และ 1 ชิ้นที่ Scrapped) ไม่นับรวมใน 3 ชิ้น']);
  });
});
