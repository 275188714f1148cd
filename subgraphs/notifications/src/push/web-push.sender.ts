import type { Agent } from 'node:https';
import type { Logger } from '@techally/platform';
import { sendNotification, WebPushError } from 'web-push';
import { DeliveryFailure, type PushMessage, type SendReceipt, type Sender } from '../delivery/delivery-channel';
import { hasUsableKeys } from './push-subscription';
import type { VapidKeys } from './vapid-keys';

/** How long a push service holds a message for an offline device unless the message says otherwise: a day. */
export const DEFAULT_PUSH_TTL_SECONDS = 86_400;

/**
 * The most plaintext one aes128gcm record carries (RFC 8291 §4: 4096-byte records less the 86-byte header,
 * the 16-byte tag and the padding delimiter). Push services refuse more (413).
 */
export const MAX_PUSH_PAYLOAD_BYTES = 3_993;

/** Push services' Topic header: at most 32 URL-safe base64 characters (RFC 8030 §5.4). */
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;

export interface WebPushSenderOptions {
  readonly vapid: VapidKeys;
  /** `mailto:` or `https:`, the VAPID token's `sub`. */
  readonly subject: string;
  readonly timeoutMs: number;
  /** Called when the push service says the subscription is gone (404/410): forget it. */
  readonly forgetSubscription: (endpoint: string) => Promise<void>;
  /** The TLS agent of the requests (tests trust their local push service's certificate with it). */
  readonly agent?: Agent;
  readonly logger?: Logger;
}

/**
 * `Sender<'PUSH'>` over the `web-push` package: the payload encrypted for the browser (aes128gcm, RFC 8291), the
 * request signed with our VAPID key (RFC 8292) and POSTed to the subscription's push service (RFC 8030).
 * - 201/202 (any 2xx): accepted; the service's `Location` is the message id.
 * - 404/410: the subscription is gone for good — it is forgotten and the failure is permanent.
 * - 429 and 5xx, timeouts, unreachable: retryable. Any other 4xx (400, 401/403 a key mismatch, 413): permanent.
 */
export class WebPushSender implements Sender<'PUSH'> {
  readonly channel = 'PUSH' as const;

  constructor(private readonly options: WebPushSenderOptions) {}

  async send(message: PushMessage): Promise<SendReceipt> {
    const payload = JSON.stringify(message.payload);
    if (Buffer.byteLength(payload) > MAX_PUSH_PAYLOAD_BYTES) {
      throw new DeliveryFailure(`push payload of ${Buffer.byteLength(payload)} bytes is over the ${MAX_PUSH_PAYLOAD_BYTES}-byte limit`, true);
    }
    if (!hasUsableKeys(message.subscription)) throw new DeliveryFailure('push subscription has no usable keys (p256dh, auth)', true);
    const { vapid, subject, timeoutMs, agent } = this.options;
    const topic = message.payload.tag !== undefined && TOPIC.test(message.payload.tag) ? message.payload.tag : undefined;
    try {
      const result = await sendNotification({ endpoint: message.subscription.endpoint, keys: { ...message.subscription.keys } }, payload, {
        TTL: message.ttlSeconds ?? DEFAULT_PUSH_TTL_SECONDS,
        contentEncoding: 'aes128gcm',
        vapidDetails: { subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        timeout: timeoutMs,
        ...(topic ? { topic } : {}),
        ...(agent ? { agent } : {}),
      });
      const location = result.headers['location'];
      return typeof location === 'string' ? { providerMessageId: location } : {};
    } catch (error) {
      throw await this.failureOf(error, message.subscription.endpoint);
    }
  }

  private async failureOf(error: unknown, endpoint: string): Promise<DeliveryFailure> {
    if (error instanceof WebPushError) {
      const status = error.statusCode;
      const said = error.body ? `: ${String(error.body).slice(0, 200)}` : '';
      if (status === 404 || status === 410) {
        await this.options.forgetSubscription(endpoint);
        this.options.logger?.info({ status, origin: originOf(endpoint) }, 'push subscription gone; forgotten');
        return new DeliveryFailure(`push subscription gone (${status}); it was removed`, true, { cause: error });
      }
      const retryable = status === 429 || status >= 500;
      return new DeliveryFailure(`push service answered ${status}${said}`, !retryable, { cause: error });
    }
    // The keys were checked before sending: what is left is the network (refused, reset, timed out), worth a retry.
    const { code, message } = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as { code?: string; message?: string };
    const reason = code ?? message ?? 'unknown error';
    return new DeliveryFailure(`push service unreachable: ${reason}`, false, { cause: error });
  }
}

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return '?';
  }
}
