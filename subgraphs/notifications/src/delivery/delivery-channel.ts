/**
 * The contract between the delivery pipeline (which decides what to send, once, with retries and dead letters)
 * and the channels' senders (which only know how to hand one message to one provider). A sender is a small
 * adapter over a real provider: nodemailer for email, `web-push` for push, an HTTP provider for SMS — each with
 * a local stand-in for the embedded start and the tests.
 *
 * In-app notifications are not sent: they are rows the recipient reads (and a live `notificationReceived`).
 */

/** The channels a notification can go out on besides in-app. */
export type DeliveryChannelName = 'EMAIL' | 'SMS' | 'PUSH';

export interface EmailMessage {
  /** The recipient's canonical address, from the recipient directory. */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface SmsMessage {
  /** E.164 (`+4915112345678`), from the user's notification preferences. */
  readonly to: string;
  /** Plain text; senders may refuse more than a few segments. */
  readonly text: string;
}

/** A browser's push subscription as the Push API gives it (`PushSubscription.toJSON()`). */
export interface PushTarget {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

export interface PushMessage {
  readonly subscription: PushTarget;
  /** Shown by the service worker; kept small (the push payload limit is ~4 kB). */
  readonly payload: { readonly title: string; readonly body: string; readonly url?: string; readonly tag?: string };
  /** How long the push service may hold it for an offline device. */
  readonly ttlSeconds?: number;
}

export interface MessageOf {
  readonly EMAIL: EmailMessage;
  readonly SMS: SmsMessage;
  readonly PUSH: PushMessage;
}

/** What a provider said when it accepted the message (its message id), for the delivery's record. */
export interface SendReceipt {
  readonly providerMessageId?: string;
}

/**
 * Which delivery a message is (the pipeline's `delivery.id`): the same on every retry of it, so a provider that
 * dedupes by a key (an email's Message-ID, an idempotency header) can tell a retry from a new message.
 */
export interface SendContext {
  readonly deliveryId: string;
}

/** Hands one message to one provider. Throws {@link DeliveryFailure} when the provider did not take it. */
export interface Sender<C extends DeliveryChannelName> {
  readonly channel: C;
  send(message: MessageOf[C], context?: SendContext): Promise<SendReceipt>;
}

export type Senders = { readonly [C in DeliveryChannelName]?: Sender<C> };

/**
 * Why a provider did not take a message. `permanent` failures (an address that will never work: a push
 * subscription gone, `410`; a number the provider refuses) are not retried; anything else is, with backoff,
 * until the pipeline's last try dead-letters it with `message` as the reason.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryFailure';
  }
}
