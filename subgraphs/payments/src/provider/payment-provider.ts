/**
 * The seam between payments and whoever moves the money, shaped after Stripe's PaymentIntents (README.md, Design decisions):
 * the server creates an intent for an amount it computed itself, under an idempotency key, then confirms it
 * with a payment method; a declined confirmation leaves the intent open for another try, a successful one can
 * be refunded. Two implementations keep this contract, checked by one suite run against both
 * (`__tests__/provider-contract.ts`): the simulated provider and the Stripe provider (README.md here).
 *
 * Idempotency keys work as Stripe's do: the same key with the same parameters answers the first answer again
 * (a decline included), the same key with other parameters is refused (`idempotency_error`).
 */
export interface PaymentProvider {
  /** Stored on each payment (`simulated`, `stripe`). */
  readonly name: string;
  /**
   * Creates the intent to collect `amount` (minor units) in `currency`. The same idempotency key always answers
   * the same intent (a retry after a lost response must not open a second one), though its `status` may be the
   * one it had when first created (Stripe replays its first answer); the same key with another amount,
   * currency or order is refused, as Stripe refuses it. An amount below the provider's minimum is
   * `amount_too_small`.
   */
  createIntent(request: CreateIntentRequest): Promise<PaymentIntent>;
  /**
   * Tries to collect the intent with a card. A malformed card is refused first (`BAD_USER_INPUT` naming the
   * field) and never reaches the provider. A decline is an answer, not an error. Confirming an intent that has
   * already succeeded charges nothing and answers `succeeded` (a Stripe implementation retrieves the intent
   * on `payment_intent_unexpected_state`), so a retried confirmation can never charge twice; a canceled one is
   * `payment_intent_unexpected_state`.
   */
  confirm(reference: string, card: CardDetails, options?: { readonly idempotencyKey?: string }): Promise<ConfirmOutcome>;
  /**
   * Cancels an intent that has not succeeded: nothing can be collected on it afterwards. Cancelling it again
   * is done, not an error; a succeeded intent is `payment_intent_unexpected_state` (refund it instead).
   */
  cancel(reference: string): Promise<void>;
  /**
   * Refunds a succeeded intent, fully or `amount` minor units of it. More than is left is `amount_too_large`,
   * nothing left is `charge_already_refunded`, an intent that has not succeeded `payment_intent_unexpected_state`.
   */
  refund(reference: string, options?: { readonly amount?: number; readonly idempotencyKey?: string }): Promise<RefundReceipt>;
}

export interface CreateIntentRequest {
  readonly amount: number;
  readonly currency: string;
  readonly idempotencyKey: string;
  readonly metadata: { readonly orderId: string };
}

/** Stripe's PaymentIntent statuses that this graph meets. */
export type IntentStatus = 'requires_payment_method' | 'succeeded' | 'canceled';

export interface PaymentIntent {
  /** The provider's id for the intent (Stripe's `pi_...`). */
  readonly reference: string;
  readonly status: IntentStatus;
  readonly amount: number;
  readonly currency: string;
}

/** A card as the client typed it. Never logged, never stored: only {@link CardSummary} is. */
export interface CardDetails {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly cvc: string;
}

/** What may be kept about a card. */
export interface CardSummary {
  readonly last4: string;
  readonly brand: CardBrand;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

export type ConfirmOutcome =
  | { readonly status: 'succeeded' }
  /** `code` is Stripe's decline or error code: `card_declined`, `insufficient_funds`, `expired_card`, ... */
  | { readonly status: 'declined'; readonly code: string };

export interface RefundReceipt {
  readonly reference: string;
  readonly amount: number;
}

/**
 * The provider could not do what was asked (unknown intent, an intent in the wrong state, an idempotency key
 * reused with other parameters, the provider unreachable). A bug or an outage, never the customer's card:
 * declines are {@link ConfirmOutcome}s.
 */
export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError';
  constructor(
    /**
     * Stripe's code: `resource_missing`, `payment_intent_unexpected_state`, `idempotency_error`, `amount_too_large`,
     * `charge_already_refunded`, `authentication_error` (a wrong key), `api_connection_error` (unreachable or
     * too slow, after the SDK's retries), ...
     */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
