/** The `error` object of a Stripe API error response; the SDK builds its error classes from it. */
export interface StripeErrorBody {
  readonly type: 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';
  readonly message: string;
  readonly code?: string;
  readonly decline_code?: string;
  readonly param?: string;
  readonly charge?: string;
  readonly payment_intent?: unknown;
  readonly payment_method?: unknown;
  readonly doc_url?: string;
}

/**
 * An answer in Stripe's error shape (`{ error: { type, code, message, ... } }`) with its HTTP status: 400 bad
 * request or state, 401 API key, 402 card declined, 404 unknown object or URL. `stored` says whether Stripe
 * keeps it under the request's idempotency key: a request that failed validation before the endpoint started
 * executing is not stored (the same key may then be retried with fixed parameters); anything later is.
 */
export class FakeApiError extends Error {
  override readonly name = 'FakeApiError';
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
    readonly stored: boolean,
  ) {
    super(error.message);
  }

  static parameterMissing(param: string): FakeApiError {
    return new FakeApiError(400, { type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` }, false);
  }

  static parameterUnknown(param: string): FakeApiError {
    return new FakeApiError(400, { type: 'invalid_request_error', code: 'parameter_unknown', param, message: `Received unknown parameter: ${param}` }, false);
  }

  static parameterInvalid(param: string, code: string, message: string): FakeApiError {
    return new FakeApiError(400, { type: 'invalid_request_error', code, param, message }, false);
  }

  /** An unknown id: 404 in the URL (`GET /v1/payment_intents/pi_x`), 400 as a parameter (`payment_intent=pi_x`). */
  static resourceMissing(kind: string, id: string, param: string, status: 400 | 404): FakeApiError {
    return new FakeApiError(status, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` }, false);
  }

  static unexpectedState(message: string, intent: unknown): FakeApiError {
    return new FakeApiError(400, { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message, payment_intent: intent }, true);
  }

  static invalidRequest(message: string, fields: { code?: string; param?: string; status?: number; stored?: boolean } = {}): FakeApiError {
    const { status = 400, stored = true, ...rest } = fields;
    return new FakeApiError(status, { type: 'invalid_request_error', message, ...rest }, stored);
  }
}
