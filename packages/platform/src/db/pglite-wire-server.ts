import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { SessionLock } from './session-lock';
import {
  BackendMessageTracker,
  CANCEL_REQUEST_CODE,
  completeMessageLength,
  errorResponse,
  GSSENC_REQUEST_CODE,
  simpleQuery,
  SSL_REQUEST_CODE,
  TERMINATE,
  wireMessage,
} from './wire-protocol';

export interface PGliteWireServerOptions {
  readonly db: PGlite;
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  readonly maxConnections: number;
}

/**
 * Serves one PGlite to the ordinary pg driver over TCP, to several connections at once, each isolated from the
 * others as if it had its own session.
 *
 * Why not @electric-sql/pglite-socket (0.2.17), which does this wire-protocol handling already: it queues each
 * protocol message on its own, so messages of different connections interleave on PGlite's one session — B's
 * Parse replaces A's unnamed statement between A's Parse and Bind (A then runs B's SQL, or A's parameters go
 * into B's statement), A's BEGIN turns B's still-open implicit transaction into A's block (A's ROLLBACK then
 * undoes B's acknowledged write), and after an error the backend skips everyone's messages until the failing
 * connection's Sync. Lost and mixed writes, and clients waiting forever for an answer that was skipped (issue #9).
 *
 * Here a connection takes the session (SessionLock) before its first message runs and keeps it until PGlite's
 * answer ends with ReadyForQuery reporting an idle session: an extended-protocol sequence runs whole up to its
 * Sync, a simple Query whole, a transaction block whole up to COMMIT/ROLLBACK. Meanwhile other connections
 * wait in FIFO order. A connection that goes away holding the session has its transaction rolled back first.
 */
export class PGliteWireServer {
  private readonly lock = new SessionLock<WireConnection>();
  private readonly connections = new Set<WireConnection>();
  private readonly server: Server;

  constructor(private readonly options: PGliteWireServerOptions) {
    this.server = createServer((socket) => this.accept(socket));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Stops accepting, closes every connection and waits until none is still talking to PGlite. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all([...this.connections].map((connection) => connection.close()));
    await closed;
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    if (this.connections.size >= this.options.maxConnections) {
      const refusal = errorResponse('53300', `too many connections (the embedded database accepts ${this.options.maxConnections})`);
      // Closed from this side once written, so a client that never closes its end cannot hold up stop().
      socket.end(refusal, () => socket.destroy());
      return;
    }
    const connection = new WireConnection(socket, this.options.db, this.lock);
    this.connections.add(connection);
    socket.once('close', () => this.connections.delete(connection));
  }
}

/** One client connection: its bytes cut into messages, run on the shared session only while it holds the lock. */
class WireConnection {
  private pending = Buffer.alloc(0);
  private started = false;
  private closing = false;
  /** The work on PGlite so far, one batch after another; `close` waits on it. */
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly db: PGlite,
    private readonly lock: SessionLock<WireConnection>,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      this.schedule();
    });
    socket.on('error', () => void this.close());
    socket.on('close', () => void this.close());
  }

  /** Ends the connection; a transaction it left open is rolled back and the session handed on. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      this.socket.destroy();
      this.work = this.work.then(() => this.abandon());
    }
    return this.work;
  }

  private schedule(): void {
    this.work = this.work.then(() => this.drain()).catch(() => void this.close());
  }

  /** Runs every complete message received so far, in order. */
  private async drain(): Promise<void> {
    while (!this.closing) {
      const length = completeMessageLength(this.pending, this.started);
      if (length === null) return;
      if (!this.started) {
        if (!(await this.handleStartupPhase(this.pending.subarray(0, length)))) return;
        this.pending = this.pending.subarray(length);
        continue;
      }
      if (this.pending[0] === TERMINATE) {
        void this.close(); // not awaited: close() waits for this very drain
        return;
      }
      // Every complete message up to (not including) a Terminate goes to PGlite in one call.
      let end = 0;
      for (;;) {
        const next = completeMessageLength(this.pending.subarray(end), true);
        if (next === null || this.pending[end] === TERMINATE) break;
        end += next;
      }
      const batch = this.pending.subarray(0, end);
      this.pending = this.pending.subarray(end);
      await this.run(batch);
    }
  }

  /** SSLRequest, GSSENCRequest, CancelRequest or the StartupMessage. False when the connection ends here. */
  private async handleStartupPhase(message: Buffer): Promise<boolean> {
    const code = message.length >= 8 ? message.readInt32BE(4) : 0;
    if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) {
      this.socket.write('N'); // no encryption on loopback; the client carries on in plain text
      return true;
    }
    if (code === CANCEL_REQUEST_CODE) {
      // PGlite cannot interrupt a running statement; a cancel request gets no answer but the close.
      void this.close();
      return false;
    }
    this.started = true;
    await this.run(message);
    return true;
  }

  /** Sends `messages` to PGlite while holding the session, streaming the answer to the client. */
  private async run(messages: Buffer): Promise<void> {
    await this.lock.acquire(this);
    if (this.closing) return; // abandon() rolls back and releases
    const answer = new BackendMessageTracker();
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(messages), {
        onRawData: (chunk) => {
          answer.push(chunk);
          if (this.socket.writable) this.socket.write(Buffer.from(chunk));
        },
      }),
    );
    // Only an answer that ends with ReadyForQuery 'I' leaves the session to others: anything else means this
    // connection is mid-sequence (no Sync yet), mid-COPY or inside a transaction block.
    if (answer.readyStatus === 'I') this.lock.release(this);
  }

  /** The connection is gone: if it held the session, leave the session idle and hand it on. */
  private async abandon(): Promise<void> {
    if (!this.lock.holds(this)) return;
    try {
      // ROLLBACK ends an open block or an implicit transaction; Sync ends a failed extended sequence whose
      // messages the backend is skipping (it would skip the first ROLLBACK too), so ROLLBACK once more after it.
      for (const message of [simpleQuery('ROLLBACK'), wireMessage('S'), simpleQuery('ROLLBACK')]) {
        await this.db.runExclusive(() => this.db.execProtocolRawStream(new Uint8Array(message), { onRawData: () => undefined }));
      }
    } catch {
      // PGlite is closing (server stop): nothing left to clean.
    } finally {
      this.lock.release(this);
    }
  }
}
