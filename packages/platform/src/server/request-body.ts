import type { IncomingMessage } from 'node:http';

/** Why a request body was not accepted; answered with `status`, and on a closing connection if it says so. */
export class BodyProblem {
  constructor(
    readonly status: number,
    readonly message: string,
    /** The body was not read to its end: the connection cannot carry another request. */
    readonly closeConnection = false,
  ) {}
}

/**
 * Reads a request body of at most `maxBytes`: parsed JSON when the content type says JSON, the text otherwise
 * (Apollo's CSRF prevention answers that with a clear error), undefined when empty.
 *
 * A body over the limit is refused as soon as that is known — from Content-Length, or while reading a chunked
 * one — and whatever the client still sends is discarded, so the 413 goes out on a socket that keeps reading
 * rather than one reset under the client's feet.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const tooLarge = () => {
    request.resume();
    return new BodyProblem(413, `Request body larger than ${maxBytes} bytes.`, true);
  };
  if (Number(request.headers['content-length']) > maxBytes) return tooLarge();
  const text = await new Promise<string | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.off('end', onEnd);
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', reject);
  });
  if (text === null) return tooLarge();
  if (text === '') return undefined;
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return new BodyProblem(400, 'Request body is not valid JSON.');
  }
}
