import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../lib/testing/render.tsx';
import { createLiveClient } from './live-client.ts';
import type { SocketLike } from './live-client.ts';
import { LiveProvider } from './live-provider.tsx';
import { OfflineBanner } from './offline-banner.tsx';

/** A socket the test opens and drops by hand. */
function fakeSockets() {
  const sockets: SocketLike[] = [];
  const createSocket = (): SocketLike => {
    const socket: SocketLike = {
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
      send: () => undefined,
      close: () => socket.onclose?.({ code: 1000 } as CloseEvent),
    };
    sockets.push(socket);
    return socket;
  };
  return { sockets, createSocket };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('OfflineBanner', () => {
  it('says "offline — reconnecting" while the stream is down, in the user language, and goes once it is back', async () => {
    const { sockets, createSocket } = fakeSockets();
    const client = createLiveClient({ url: () => '/events', createSocket, random: () => 0 });
    await renderWithProviders(
      <LiveProvider client={client}>
        <OfflineBanner />
      </LiveProvider>,
      { language: 'th' },
    );
    const first = sockets[0] as SocketLike;
    act(() => {
      first.onopen?.({} as Event);
      first.onmessage?.({ data: '{"type":"caught-up"}' } as MessageEvent);
    });
    expect(screen.queryByRole('status')).toBeNull();

    act(() => first.onclose?.({ code: 1006 } as CloseEvent));
    expect(screen.getByRole('status')).toHaveTextContent('ออฟไลน์ — กำลังเชื่อมต่อใหม่…');

    act(() => vi.advanceTimersByTime(500));
    const second = sockets[1] as SocketLike;
    act(() => {
      second.onopen?.({} as Event);
      second.onmessage?.({ data: '{"type":"caught-up"}' } as MessageEvent);
    });
    expect(screen.queryByRole('status')).toBeNull();
  });
});
