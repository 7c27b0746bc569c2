import { connect, type Socket } from 'node:net';

/** An HTTP answer: status and body text. */
export interface Answer {
  readonly status: number;
  readonly body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One keep-alive HTTP/1.1 connection to the API that sends one request at a time, as one
 * operator's tablet does. Lean on purpose: the load generator shares the machine with the API and
 * the database it measures, and Node's full HTTP client costs several times the CPU per request.
 * It reads answers framed by `Content-Length` (all the API's JSON answers are) and fails loudly on
 * anything else.
 */
export class KeepAliveConnection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | undefined;

  constructor(
    port: number,
    private readonly headers: string,
  ) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.received(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('The API closed the connection')));
  }

  /** Sends a request (with `json` as its JSON body, else none) and resolves with the answer. */
  request(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Answer> {
    if (this.waiting !== undefined) return Promise.reject(new Error('One request at a time on a connection'));
    const body = json === undefined ? '' : JSON.stringify(json);
    const type = json === undefined ? '' : 'content-type: application/json\r\n';
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(
        `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${this.headers}${type}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (length === null) return this.fail(new Error(`An answer without Content-Length: ${head.split('\r\n')[0]}`));
    const bodyStart = end + HEADER_END.length;
    const bodyEnd = bodyStart + Number(length[1]);
    if (this.buffer.length < bodyEnd) return;
    const answer = { status: Number(head.slice(9, 12)), body: this.buffer.toString('utf8', bodyStart, bodyEnd) };
    this.buffer = this.buffer.subarray(bodyEnd);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(answer);
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
