import { describe, expect, it } from 'vitest';
import { ALL_TOPICS, matchesTopics, parseTopics, type TopicColumns } from './event-topics.ts';

const ORDER = '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';
const CENTER = '0b6f3c1d-2e4a-4b8c-9d0e-1f2a3b4c5d6e';
const OPERATOR = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

const event = (columns: Partial<TopicColumns>): TopicColumns => ({
  orderId: null,
  nodeKey: null,
  workCenterId: null,
  operatorId: null,
  ...columns,
});

function filterOf(...topics: string[]) {
  const parsed = parseTopics(topics);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.filter;
}

describe('topics', () => {
  it('parses each kind of topic into its column, ids in lower case, node keys as written', () => {
    expect(
      filterOf(`order:${ORDER.toUpperCase()}`, 'node:Edge_Paint', `work-center:${CENTER}`, `operator:${OPERATOR}`),
    ).toEqual({
      orderIds: [ORDER],
      nodeKeys: ['Edge_Paint'],
      workCenterIds: [CENTER],
      operatorIds: [OPERATOR],
    });
  });

  it('says what is wrong with a topic it cannot read', () => {
    expect(parseTopics(['customer:1'])).toEqual({
      ok: false,
      message: expect.stringContaining('Unknown topic "customer:1"'),
    });
    expect(parseTopics(['order'])).toEqual({ ok: false, message: expect.stringContaining('Unknown topic "order"') });
    expect(parseTopics(['order:42'])).toEqual({ ok: false, message: expect.stringContaining('an order id (UUID)') });
    expect(parseTopics(['node:two words'])).toEqual({ ok: false, message: expect.stringContaining('a node key') });
    expect(parseTopics(['operator:'])).toEqual({
      ok: false,
      message: expect.stringContaining('an operator (user) id'),
    });
  });

  it('matches an event on any topic of the filter, and every event without topics', () => {
    const filter = filterOf(`order:${ORDER}`, 'node:cut');
    expect(matchesTopics(filter, event({ orderId: ORDER }))).toBe(true);
    expect(matchesTopics(filter, event({ nodeKey: 'cut', orderId: OPERATOR }))).toBe(true);
    expect(matchesTopics(filter, event({ nodeKey: 'sew', workCenterId: CENTER }))).toBe(false);
    expect(matchesTopics(filter, event({}))).toBe(false);
    expect(matchesTopics(filterOf(`work-center:${CENTER}`), event({ workCenterId: CENTER }))).toBe(true);
    expect(matchesTopics(filterOf(`operator:${OPERATOR}`), event({ operatorId: CENTER }))).toBe(false);
    expect(matchesTopics(ALL_TOPICS, event({}))).toBe(true);
  });
});
