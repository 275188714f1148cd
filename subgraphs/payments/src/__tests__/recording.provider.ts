import { SimulatedPaymentProvider } from '../provider/simulated.provider';
import {
  PaymentProviderError,
  type CardDetails,
  type ConfirmOutcome,
  type CreateIntentRequest,
  type PaymentIntent,
  type RefundReceipt,
} from '../provider/payment-provider';

type HeldMethod = 'createIntent' | 'confirm';

/**
 * The simulated provider, recording every call made to it, able to fail like an outage (`down`) and to hold a
 * call after the provider has done its work (`holdAfter`), to put a test "in the middle" of one.
 */
export class RecordingProvider extends SimulatedPaymentProvider {
  readonly calls: Array<{ readonly method: string; readonly reference?: string; readonly key?: string }> = [];
  /** Every call fails with `api_connection_error` while set. */
  down = false;
  private readonly holds = new Map<HeldMethod, { reach: () => void; gate: Promise<void> }>();

  /** The intents created, one per distinct reference. */
  intentsFor(orderId: string): string[] {
    return [...new Set(this.calls.filter((call) => call.method === 'createIntent' && call.key === `order:${orderId}`).map((call) => call.reference!))];
  }

  count(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /**
   * From now on, calls of `method` wait after the provider has done its work, until `release()`: the test is then
   * "in the middle" of the call (the intent exists, the card was charged) while it does something else.
   */
  holdAfter(method: HeldMethod): { readonly reached: Promise<void>; release(): void } {
    let reach!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => {
      reach = resolve;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.set(method, { reach, gate });
    return {
      reached,
      release: () => {
        this.holds.delete(method);
        release();
      },
    };
  }

  override async createIntent(request: CreateIntentRequest): Promise<PaymentIntent> {
    this.outage();
    const intent = await super.createIntent(request);
    this.calls.push({ method: 'createIntent', reference: intent.reference, key: request.idempotencyKey });
    await this.pause('createIntent');
    return intent;
  }

  override async confirm(reference: string, card: CardDetails, options: { idempotencyKey?: string } = {}): Promise<ConfirmOutcome> {
    this.outage();
    this.calls.push({ method: 'confirm', reference, ...(options.idempotencyKey ? { key: options.idempotencyKey } : {}) });
    const outcome = await super.confirm(reference, card, options);
    await this.pause('confirm');
    return outcome;
  }

  override async cancel(reference: string): Promise<void> {
    this.outage();
    this.calls.push({ method: 'cancel', reference });
    return super.cancel(reference);
  }

  override async refund(reference: string, options: { amount?: number; idempotencyKey?: string } = {}): Promise<RefundReceipt> {
    this.outage();
    this.calls.push({ method: 'refund', reference, ...(options.idempotencyKey ? { key: options.idempotencyKey } : {}) });
    return super.refund(reference, options);
  }

  private async pause(method: HeldMethod): Promise<void> {
    const hold = this.holds.get(method);
    if (!hold) return;
    hold.reach();
    await hold.gate;
  }

  private outage(): void {
    if (this.down) throw new PaymentProviderError('api_connection_error', 'could not reach the provider');
  }
}
