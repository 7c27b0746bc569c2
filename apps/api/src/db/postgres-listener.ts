import pg from 'pg';
import { assertChannelName } from './channel-name.ts';
import type { DatabaseLogger, ListeningHandler, NotificationHandler, Unlisten } from './database.ts';

const RECONNECT_FIRST_MS = 200;
const RECONNECT_MAX_MS = 5_000;

/** LISTEN on PostgreSQL for one process: one dedicated connection for every channel. */
export interface PostgresListener {
  listen(channel: string, onNotify: NotificationHandler, onListening?: ListeningHandler): Promise<Unlisten>;
  close(): Promise<void>;
}

/**
 * LISTEN needs a connection of its own, outside the pool (a pooled connection changes hands).
 * It is opened on the first `listen`, and when it drops it is reopened with back-off and every
 * channel listened to again. Notifications sent meanwhile are lost: NOTIFY is a wake-up, the
 * tables stay the source of truth, and subscribers are told when the connection drops and when it
 * listens again (`onListening`), so that what relies on NOTIFY (a cache) can stop relying on it.
 */
export function createPostgresListener(
  databaseUrl: string,
  applicationName: string,
  log?: DatabaseLogger,
): PostgresListener {
  const handlers = new Map<string, Set<NotificationHandler>>();
  const watchers = new Set<ListeningHandler>();
  const tellListening = (listening: boolean) => {
    for (const watcher of watchers) watcher(listening);
  };
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: applicationName });
    next.on('notification', ({ channel, payload }) => {
      for (const handler of handlers.get(channel) ?? []) handler(payload ?? '');
    });
    next.on('error', (error) => log?.warn(`LISTEN connection error: ${error.message}`));
    next.on('end', () => {
      if (client !== next || closed) return;
      client = undefined;
      tellListening(false);
      void reconnect();
    });
    await next.connect();
    for (const channel of handlers.keys()) await next.query(`LISTEN "${channel}"`);
    client = next;
    return next;
  }

  async function ready(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= connect().finally(() => (connecting = undefined));
    return connecting;
  }

  async function reconnect(): Promise<void> {
    for (let waitMs = RECONNECT_FIRST_MS; !closed; waitMs = Math.min(waitMs * 2, RECONNECT_MAX_MS)) {
      log?.warn(`LISTEN connection lost; reconnecting in ${waitMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      if (closed || client) return;
      try {
        await ready();
        log?.info('LISTEN connection restored.');
        tellListening(true);
        return;
      } catch (error) {
        log?.warn(`LISTEN reconnect failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  return {
    async listen(channel, onNotify, onListening) {
      assertChannelName(channel);
      const known = handlers.get(channel);
      if (known) known.add(onNotify);
      else handlers.set(channel, new Set([onNotify]));
      if (onListening) watchers.add(onListening);
      // LISTEN is idempotent, so repeating it on a connection that already listens is harmless.
      await (await ready()).query(`LISTEN "${channel}"`);
      return async () => {
        if (onListening) watchers.delete(onListening);
        const set = handlers.get(channel);
        set?.delete(onNotify);
        if (set?.size !== 0) return;
        handlers.delete(channel);
        await client?.query(`UNLISTEN "${channel}"`);
      };
    },
    async close() {
      closed = true;
      const current = client;
      client = undefined;
      await current?.end();
    },
  };
}
