import { describe, expect, it } from 'vitest';
import { FIXTURE_PROGRESS, expectCountsAddUp, fixtureNodeCounts, useOrderFixtureApp } from '../order-fixture.ts';
import { atelierJobDetailSchema, atelierJobPageSchema } from '@atelier/contracts';

describe('atelier job routes', () => {
  const fixture = useOrderFixtureApp('atelierJob', 'AJ-2026-0001');
  const { get } = fixture;

  it('lists atelier jobs newest code first, with progress, customer and the linked MO of a hybrid job', async () => {
    const response = await get('/api/v1/atelier-jobs');
    expect(response.statusCode).toBe(200);
    const page = atelierJobPageSchema.parse(response.json());
    expect(page.items.map((job) => [job.code, job.status, job.customer, job.mo?.code ?? null, job.progress])).toEqual([
      [
        'AJ-2026-0033',
        'draft',
        'Arthur L.',
        null,
        { completed: 0, inFlight: 0, notReleased: 2, scrapped: 0, cancelled: 0, replacements: 0 },
      ],
      [
        'AJ-2026-0032',
        'in_progress',
        null,
        'MO-2026-0012',
        { completed: 0, inFlight: 6, notReleased: 0, scrapped: 0, cancelled: 0, replacements: 0 },
      ],
      [
        'AJ-2026-0031',
        'in_progress',
        'Kanya W.',
        null,
        { completed: 0, inFlight: 1, notReleased: 0, scrapped: 0, cancelled: 0, replacements: 0 },
      ],
      ['AJ-2026-0001', 'released', 'Fixture customer', null, FIXTURE_PROGRESS],
    ]);
  });

  it('pages with a cursor', async () => {
    const first = atelierJobPageSchema.parse((await get('/api/v1/atelier-jobs?limit=3')).json());
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = atelierJobPageSchema.parse(
      (await get(`/api/v1/atelier-jobs?limit=3&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)).json(),
    );
    expect(second.items.map((job) => job.code)).toEqual(['AJ-2026-0001']);
    expect(second.nextCursor).toBeNull();
  });

  it('gets a job by code or id with counts per node', async () => {
    for (const key of ['AJ-2026-0001', fixture.fixtureId]) {
      const job = atelierJobDetailSchema.parse((await get(`/api/v1/atelier-jobs/${key}`)).json());
      expect(job.id).toBe(fixture.fixtureId);
      expect(job.nodes).toEqual(fixtureNodeCounts());
    }
  });

  it('shows the bespoke piece as one piece split into its body and strap, not as three pieces', async () => {
    const job = atelierJobDetailSchema.parse((await get('/api/v1/atelier-jobs/AJ-2026-0031')).json());
    const at = (key: string) => job.nodes.find((node) => node.nodeKey === key);
    // The body is stitched while the strap, edge-painted already, waits at the join with its piece.
    expect(at('stitch-body')).toMatchObject({
      pieces: { active: 0, waiting: 0 },
      components: { active: 1, waiting: 0 },
      workItems: { inProgress: 1 },
    });
    expect(at('edge-paint-strap')).toMatchObject({
      pieces: { active: 0, waiting: 0 },
      components: { active: 0, waiting: 0 },
    });
    expect(at('join')).toMatchObject({ pieces: { active: 0, waiting: 1 }, components: { active: 0, waiting: 1 } });
    expect(job.progress).toEqual({
      completed: 0,
      inFlight: 1,
      notReleased: 0,
      scrapped: 0,
      cancelled: 0,
      replacements: 0,
    });
    expectCountsAddUp(job);
  });

  it('adds up for the fixture job too', async () => {
    expectCountsAddUp(atelierJobDetailSchema.parse((await get(`/api/v1/atelier-jobs/${fixture.fixtureId}`)).json()));
  });

  it('answers an unknown job with a 404 problem', async () => {
    const response = await get('/api/v1/atelier-jobs/AJ-1999-0001');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, code: 'ATELIER_JOB_NOT_FOUND' });
  });
});
