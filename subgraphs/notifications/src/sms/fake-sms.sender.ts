import { randomUUID } from 'node:crypto';
import type { Logger } from '@techally/platform';
import type { SendReceipt, Sender, SmsMessage } from '../delivery/delivery-channel';

/** An SMS the fake took, with the id it answered. */
export interface FakeSms extends SmsMessage {
  readonly id: string;
  readonly at: Date;
}

/**
 * `Sender<'SMS'>` that sends nothing: it keeps what it was given (newest last, at most `limit`) and logs it, for
 * the embedded start and the tests (README.md, *Channels*). Never used in production (config.ts).
 */
export class FakeSmsSender implements Sender<'SMS'> {
  readonly channel = 'SMS' as const;
  readonly #sent: FakeSms[] = [];

  constructor(private readonly options: { readonly logger?: Logger; readonly limit?: number } = {}) {}

  async send(message: SmsMessage): Promise<SendReceipt> {
    const sms: FakeSms = { to: message.to, text: message.text, id: `fake-sms-${randomUUID()}`, at: new Date() };
    this.#sent.push(sms);
    if (this.#sent.length > (this.options.limit ?? 1_000)) this.#sent.shift();
    this.options.logger?.info({ to: sms.to, id: sms.id, text: sms.text }, 'SMS (local fake: not sent)');
    return { providerMessageId: sms.id };
  }

  /** What it took, oldest first. */
  get sent(): readonly FakeSms[] {
    return [...this.#sent];
  }
}
