/**
 * Stripe's documented test card numbers (https://docs.stripe.com/testing) and what confirming with them does.
 * Any other number that passes the card checks succeeds, as 4242 4242 4242 4242 does. Both providers follow
 * this table: the simulated one decides by it, the Stripe one confirms with the matching test PaymentMethod.
 */
export const TEST_CARDS = {
  SUCCEEDS: '4242424242424242',
  DECLINED: '4000000000000002',
  INSUFFICIENT_FUNDS: '4000000000009995',
  EXPIRED: '4000000000000069',
} as const;

/** The decline code each declining test card ends with (`failureCode` on the payment). */
export const TEST_CARD_DECLINES: Readonly<Record<string, string>> = {
  [TEST_CARDS.DECLINED]: 'card_declined',
  [TEST_CARDS.INSUFFICIENT_FUNDS]: 'insufficient_funds',
  [TEST_CARDS.EXPIRED]: 'expired_card',
};

/**
 * The Stripe test PaymentMethod that stands for a test card number (digits only, already validated).
 *
 * This exists for test mode only. In production the card never reaches this server: the client collects it
 * with Stripe.js (the Payment Element) and we receive a PaymentMethod id. Sending raw card numbers to Stripe's
 * API would put this whole service in PCI DSS scope (SAQ D) and Stripe refuses them on accounts that have not
 * been approved for it.
 */
export function stripeTestPaymentMethod(number: string): string {
  switch (number) {
    case TEST_CARDS.DECLINED:
      return 'pm_card_chargeDeclined';
    case TEST_CARDS.INSUFFICIENT_FUNDS:
      return 'pm_card_chargeDeclinedInsufficientFunds';
    case TEST_CARDS.EXPIRED:
      return 'pm_card_chargeDeclinedExpiredCard';
    default:
      return 'pm_card_visa';
  }
}
