import { connect, type Socket } from 'node:net';

/**
 * An HTTP/1.1 client on a raw TCP socket, so a test sees exactly what the server does with the connection
 * (keeps it, closes it, never answers) — what `fetch` hides behind its pool.
 */
export interface RawConnection {
  readonly socket: Socket;
  /** Everything received so far, as text. */
  received(): string;
  /** Resolves once the received text matches `pattern`, or rejects if the connection closes first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Settles when the server closes the connection. */
  readonly closed: Promise<void>;
  send(text: string | Buffer): void;
}

export async function rawConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  let text = '';
  const waiters = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1');
    for (const check of waiters) check();
  });
  socket.on('error', () => undefined); // a reset shows as `closed`
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    received: () => text,
    closed,
    send: (data) => void socket.write(data),
    waitFor(pattern) {
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (!match) return;
          waiters.delete(check);
          resolve(match[0]);
        };
        waiters.add(check);
        check();
        void closed.then(() => {
          if (!waiters.has(check)) return;
          waiters.delete(check);
          reject(new Error(`connection closed before ${String(pattern)}; received: ${text.slice(0, 300)}`));
        });
      });
    },
  };
}

/** A complete POST /graphql request with a JSON body. */
export function graphqlPost(body: string | Buffer, headers: Record<string, string> = {}): Buffer {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = Object.entries({ host: 'localhost', 'content-type': 'application/json', 'content-length': String(payload.length), ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return Buffer.concat([Buffer.from(`POST /graphql HTTP/1.1\r\n${head}\r\n`), payload]);
}
