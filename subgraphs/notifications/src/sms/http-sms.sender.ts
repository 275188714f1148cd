import { DeliveryFailure, type SendReceipt, type Sender, type SmsMessage } from '../delivery/delivery-channel';

/** Ten concatenated segments: a message longer than this is a template's bug, not something to bill for. */
export const MAX_SMS_LENGTH = 1_530;

export interface HttpSmsSenderOptions {
  /** The provider's send URL: POST JSON `{ to, text }`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  readonly timeoutMs: number;
}

/**
 * `Sender<'SMS'>` for an HTTP SMS provider (README.md, *Channels*): `POST url` with JSON `{ to, text }` and a
 * bearer token. 2xx: sent (a JSON body's `id` or `messageId` is the receipt). 429 and 5xx, a timeout, a refused
 * connection: retryable. Any other 4xx (a number the provider will not take, a bad token) and a redirect (never
 * followed: the token stays with the configured URL): permanent.
 */
export class HttpSmsSender implements Sender<'SMS'> {
  readonly channel = 'SMS' as const;

  constructor(private readonly options: HttpSmsSenderOptions) {}

  async send(message: SmsMessage): Promise<SendReceipt> {
    if (message.text.length > MAX_SMS_LENGTH) {
      throw new DeliveryFailure(`SMS of ${message.text.length} characters is over the ${MAX_SMS_LENGTH}-character limit`, true);
    }
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        // A provider that moved is a configuration to fix, not a place to follow with the token.
        redirect: 'manual',
      });
    } catch (error) {
      const { name } = errorFields(error);
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const reason = timedOut ? `no answer within ${this.options.timeoutMs} ms` : causeOf(error);
      throw new DeliveryFailure(`SMS provider unreachable: ${reason}`, false, { cause: error });
    }
    const body = await readBody(response, this.options.timeoutMs);
    if (response.ok) return receiptOf(body);
    const retryable = response.status === 429 || response.status >= 500;
    const said = body ? `: ${body.slice(0, 200)}` : '';
    throw new DeliveryFailure(`SMS provider answered ${response.status}${said}`, !retryable);
  }
}

async function readBody(response: Response, timeoutMs: number): Promise<string> {
  // The body may stall after the headers; the provider's answer is small, so a bounded wait is enough.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(''), timeoutMs);
  });
  try {
    return await Promise.race([response.text().catch(() => ''), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function receiptOf(body: string): SendReceipt {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const id = parsed['id'] ?? parsed['messageId'];
    return typeof id === 'string' || typeof id === 'number' ? { providerMessageId: String(id) } : {};
  } catch {
    return {};
  }
}

/** fetch's errors come from Node's own realm (not `instanceof Error` under a test's VM): read them by shape. */
interface ErrorFields {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly cause?: unknown;
}

function errorFields(error: unknown): ErrorFields {
  return typeof error === 'object' && error !== null ? (error as ErrorFields) : { message: String(error) };
}

/** "fetch failed" says nothing: the cause's code (ECONNREFUSED, ENOTFOUND…) does. */
function causeOf(error: unknown): string {
  const outer = errorFields(error);
  const cause = errorFields(outer.cause);
  return cause.code ?? cause.message ?? outer.code ?? outer.message ?? 'unknown error';
}
