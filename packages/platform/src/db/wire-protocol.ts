/**
 * Just enough of the PostgreSQL wire protocol (v3) to cut a client's byte stream into messages and to follow
 * what the backend last said, for the embedded PGlite's socket front (pglite-wire-server.ts).
 * https://www.postgresql.org/docs/current/protocol-message-formats.html
 */

/** The code of the first message a client sends (protocol 3.0). */
export const PROTOCOL_VERSION_3 = 196_608;
export const SSL_REQUEST_CODE = 80_877_103;
export const GSSENC_REQUEST_CODE = 80_877_104;
export const CANCEL_REQUEST_CODE = 80_877_102;

/** Frontend `Terminate`. */
export const TERMINATE = 0x58; // 'X'
/** Backend `ReadyForQuery`: its one-byte body is the transaction status. */
const READY_FOR_QUERY = 0x5a; // 'Z'

/** The transaction status a `ReadyForQuery` reports: idle, in a transaction block, in a failed one. */
export type TransactionStatus = 'I' | 'T' | 'E';

/**
 * The length of the first message of `buffer` once it is complete, else null. Before startup a message has no
 * type byte (`int32 length, int32 code, ...`); after it, `byte type, int32 length (itself included), ...`.
 */
export function completeMessageLength(buffer: Buffer, started: boolean): number | null {
  const header = started ? 5 : 4;
  if (buffer.length < header) return null;
  const length = started ? 1 + buffer.readInt32BE(1) : buffer.readInt32BE(0);
  return buffer.length >= length ? length : null;
}

/**
 * Follows the backend's messages across the chunks PGlite streams out, so the front knows whether the last
 * message of an answer was `ReadyForQuery`, and with which status. (Looking at the last six bytes is not
 * enough: a DataRow may end with the same bytes.)
 */
export class BackendMessageTracker {
  private header = Buffer.alloc(0);
  private bodyLeft = 0;
  private type = 0;
  private status: TransactionStatus | null = null;

  /** The status of the answer so far: that of its last ReadyForQuery when it ended with one, else null. */
  get readyStatus(): TransactionStatus | null {
    return this.bodyLeft === 0 && this.header.length === 0 ? this.status : null;
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - at);
        if (this.type === READY_FOR_QUERY) this.status = String.fromCharCode(chunk[at] ?? 0) as TransactionStatus;
        this.bodyLeft -= take;
        at += take;
        continue;
      }
      const take = Math.min(5 - this.header.length, chunk.length - at);
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + take)]);
      at += take;
      if (this.header.length < 5) continue;
      this.type = this.header[0] ?? 0;
      this.bodyLeft = this.header.readInt32BE(1) - 4;
      this.header = Buffer.alloc(0);
      this.status = null;
    }
  }
}

/** An ErrorResponse for a client the front refuses before PGlite sees it (e.g. too many connections). */
export function errorResponse(sqlState: string, message: string): Buffer {
  const fields = Buffer.concat([
    field('S', 'FATAL'),
    field('V', 'FATAL'),
    field('C', sqlState),
    field('M', message),
    Buffer.from([0]),
  ]);
  return wireMessage('E', fields);
}

function field(code: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(code, 'latin1'), Buffer.from(value, 'utf8'), Buffer.from([0])]);
}

/** A message after startup, either way: `byte type, int32 length (itself included), body`. */
export function wireMessage(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

/** A simple-protocol `Query`. */
export function simpleQuery(sql: string): Buffer {
  return wireMessage('Q', Buffer.concat([Buffer.from(sql, 'utf8'), Buffer.from([0])]));
}
