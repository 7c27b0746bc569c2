import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveClient, eventStreamUrl } from './live-client.ts';
import type { LiveStatus, SocketLike } from './live-client.ts';

/** A socket the test drives by hand: it opens, sends frames and drops when told to. */
class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.drop();
  }
  open() {
    this.onopen?.({} as Event);
  }
  frame(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
  drop(code = 1006) {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.({ code } as CloseEvent);
  }
}

const event = (position: string, type = 'work_item.claimed') => ({
  position,
  seq: Number(position.split(':')[1]),
  type,
  at: '2026-12-02T08:00:00.000Z',
  actor: 'user:1',
  orderId: null,
  tokenId: null,
  workItemId: null,
  nodeKey: null,
  workCenterId: null,
  operatorId: null,
  data: {},
});

let sockets: FakeSocket[];
const latest = () => sockets[sockets.length - 1] as FakeSocket;

function client(extra: { onResync?: () => void } = {}) {
  return createLiveClient({
    url: (since) => (since === null ? '/events' : `/events?since=${since}`),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoff: { baseMs: 1000, maxMs: 8000 },
    random: () => 1,
    pingEveryMs: 20_000,
    silenceMs: 5_000,
    ...extra,
  });
}

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('createLiveClient', () => {
  it('delivers events in arrival order and resumes from the last position after a drop', () => {
    const live = client();
    const received: string[] = [];
    live.subscribe((e) => received.push(e.position));
    live.start();
    expect(latest().url).toBe('/events');
    latest().open();
    latest().frame({ type: 'caught-up' });
    latest().frame({ type: 'event', event: event('7421:352') });
    // A smaller seq committed later: resuming must use its position, not the largest seq.
    latest().frame({ type: 'event', event: event('7424:351') });
    latest().drop();

    vi.advanceTimersByTime(1000);
    expect(latest().url).toBe('/events?since=7424:351');
    latest().open();
    latest().frame({ type: 'event', event: event('7425:353') });
    expect(received).toEqual(['7421:352', '7424:351', '7425:353']);
  });

  it('says it is reconnecting while dropped, backs off exponentially up to the cap, and is live again once caught up', () => {
    const live = client();
    const statuses: LiveStatus[] = [];
    live.onStatus((s) => statuses.push(s));
    live.start();
    latest().open();
    latest().frame({ type: 'caught-up' });
    expect(live.status()).toBe('live');

    const waits: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = sockets.length;
      latest().drop();
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(live.status()).toBe('reconnecting');
    latest().open();
    latest().frame({ type: 'caught-up' });
    expect(statuses).toEqual(['live', 'reconnecting', 'live']);
    // Caught up: the next drop starts the back-off from the beginning again.
    latest().drop();
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(7);
  });

  it('asks the screens to resync when it had nothing to resume from', () => {
    const onResync = vi.fn();
    const live = client({ onResync });
    live.start();
    latest().open();
    expect(onResync).not.toHaveBeenCalled();
    latest().drop();
    vi.advanceTimersByTime(1000);
    latest().open();
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('gives up a position the server keeps refusing, and then resyncs', () => {
    const onResync = vi.fn();
    const live = client({ onResync });
    live.start();
    latest().open();
    latest().frame({ type: 'event', event: event('10:5') });
    latest().drop();
    for (let attempt = 0; attempt < 5; attempt++) {
      vi.advanceTimersByTime(8000);
      latest().drop(); // refused before any frame
    }
    vi.advanceTimersByTime(8000);
    expect(latest().url).toBe('/events');
    latest().open();
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('closes a silent connection after a ping goes unanswered, and reconnects', () => {
    const live = client();
    live.start();
    latest().open();
    latest().frame({ type: 'caught-up' });
    vi.advanceTimersByTime(20_000);
    expect(latest().sent).toEqual(['{"type":"ping"}']);
    vi.advanceTimersByTime(5_000);
    expect(latest().closed).toBe(true);
    expect(live.status()).toBe('reconnecting');
  });

  it('ignores frames it does not understand and stops for good', () => {
    const live = client();
    const received = vi.fn();
    live.subscribe(received);
    live.start();
    latest().open();
    latest().onmessage?.({ data: 'not json' } as MessageEvent);
    latest().frame({ type: 'event', event: { position: 'x' } });
    expect(received).not.toHaveBeenCalled();
    live.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('eventStreamUrl', () => {
  it('matches the page scheme and carries the position', () => {
    expect(eventStreamUrl({ protocol: 'http:', host: '10.0.0.5:3000' }, null)).toBe('ws://10.0.0.5:3000/api/v1/events');
    expect(eventStreamUrl({ protocol: 'https:', host: 'mes.example' }, '7424:351')).toBe(
      'wss://mes.example/api/v1/events?since=7424%3A351',
    );
  });
});
