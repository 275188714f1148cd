import { ErrorCode, PROTOCOL_ERROR_CODES } from '@techally/platform';
import type { ProtocolErrorCode, ServerErrorCode } from '@techally/sdk';

// The SDK is published without the platform, so it lists the graph's codes itself: these records make
// `pnpm typecheck` fail on a code missing from the SDK's union, and the tests on a code the registry lacks.
const SERVER: Record<ServerErrorCode, true> = Object.fromEntries(Object.values(ErrorCode).map((code) => [code, true])) as Record<ErrorCode, true>;
const PROTOCOL: Record<ProtocolErrorCode, true> = {
  GRAPHQL_PARSE_FAILED: true,
  GRAPHQL_VALIDATION_FAILED: true,
  BAD_REQUEST: true,
  PERSISTED_QUERY_NOT_FOUND: true,
  PERSISTED_QUERY_NOT_SUPPORTED: true,
  OPERATION_RESOLUTION_FAILURE: true,
};

describe('the SDK error codes', () => {
  it('are the gateway registry\'s codes and GraphQL\'s protocol codes, no more, no fewer', () => {
    const sdkServerCodes: ServerErrorCode[] = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL_SERVER_ERROR',
      'SERVICE_UNAVAILABLE', 'SUPERGRAPH_RELOADED', 'RATE_LIMITED', 'PERSISTED_QUERY_NOT_IN_LIST', 'PERSISTED_QUERY_HASH_MISMATCH',
      'OPERATION_LIMIT_EXCEEDED', 'EMAIL_TAKEN', 'WEAK_PASSWORD', 'INVALID_CREDENTIALS', 'LOGIN_THROTTLED', 'INVALID_REFRESH_TOKEN', 'SKU_TAKEN',
      'SLUG_TAKEN', 'PRODUCT_UNAVAILABLE', 'NEGATIVE_STOCK', 'OUT_OF_STOCK', 'IDEMPOTENCY_KEY_REUSED', 'ILLEGAL_ORDER_TRANSITION',
      'ORDER_NOT_CANCELLABLE', 'UNPAID_ORDER_LIMIT', 'PAYMENT_DECLINED', 'PAYMENT_NOT_ALLOWED', 'REVIEW_ALREADY_EXISTS'];
    expect(Object.keys(SERVER).sort()).toEqual([...sdkServerCodes].sort());
    expect(Object.keys(PROTOCOL).sort()).toEqual([...PROTOCOL_ERROR_CODES].sort());
  });
});
