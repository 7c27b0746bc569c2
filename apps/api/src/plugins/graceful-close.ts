import fp from 'fastify-plugin';

/**
 * Lets `close()` finish promptly while requests are in flight. Node closes idle keep-alive
 * connections when the server closes, but a connection busy at that moment would stay open after
 * its response until the keep-alive timeout, holding shutdown for a minute. Once closing has
 * begun, every response says `Connection: close`, so each connection ends with its last response.
 */
export default fp(
  async function gracefulClose(fastify) {
    let closing = false;
    fastify.addHook('preClose', async () => {
      closing = true;
    });
    fastify.addHook('onSend', async (_request, reply, payload) => {
      if (closing) reply.header('connection', 'close');
      return payload;
    });
  },
  { name: 'graceful-close' },
);
