export { startStripeFake, type StripeFake, type StripeFakeOptions, type FakeApiRequest } from './stripe-fake';
export type { StripeEventJson, WebhookDelivery, WebhookSignature } from './webhooks';
export type { FakePaymentIntentRecord } from './payment-intents';
export type { FakePaymentIntentJson, FakeChargeJson, FakeRefundJson, FakeIntentStatus, FakeLastPaymentError, FakePaymentMethodJson } from './stripe-objects';
export { TEST_PAYMENT_METHODS, type TestPaymentMethod } from './test-payment-methods';
export { parseStripeForm, type FormParams, type FormValue } from './form-encoding';
