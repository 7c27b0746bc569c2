import { connect, createServer, type Socket } from 'node:net';

/** A TCP relay in front of a server, which a test cuts and restores like a network outage. */
export interface TcpRelay {
  /** The port the relay listens on (127.0.0.1). */
  readonly port: number;
  /** Resets every relayed connection and refuses new ones, as a server that went away. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  /** Cuts and stops for good. */
  close(): Promise<void>;
}

/**
 * Relays connections from a free local port to `host:port`, so a test can take a real server
 * (PostgreSQL) away from the code under test and give it back, without touching the server.
 */
export async function startTcpRelay(host: string, port: number): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(port, host);
    track(client);
    track(upstream);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  const listen = (on: number) =>
    new Promise<void>((resolve, reject) => server.once('error', reject).listen(on, '127.0.0.1', () => resolve()));
  await listen(0);
  const relayPort = (server.address() as { port: number }).port;

  const cut = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.resetAndDestroy();
    await closed;
  };
  return { port: relayPort, cut, restore: () => listen(relayPort), close: cut };
}
