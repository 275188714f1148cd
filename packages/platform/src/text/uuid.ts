const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for the textual form of a UUID (any version, either case). Ids are checked before they reach SQL:
 * PostgreSQL refuses a malformed uuid with an error, which would surface as INTERNAL_SERVER_ERROR instead of
 * "not found", and in a batched `IN (...)` one bad key would fail every reference of the batch.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
