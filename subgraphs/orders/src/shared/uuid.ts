const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a well-formed UUID. Ids are checked before they reach SQL: Postgres rejects a malformed uuid with
 * an error, and in a batched `IN (...)` one bad key would fail every reference of the batch.
 */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
