const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for the textual form of a UUID (any version, either case). Ids are checked before they reach SQL:
 * PostgreSQL refuses a malformed uuid with an error, which would surface as INTERNAL_SERVER_ERROR instead of
 * "not found", and in a batched `IN (...)` one bad key would fail every reference of the batch.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/**
 * A Postgres array literal of uuids, to bind as ONE parameter (`?::uuid[]`, e.g. `from unnest(?::uuid[])`):
 * MikroORM's `execute` would spread a JS array into a list of parameters and quote each one into the SQL text,
 * and the statement's text would change with the list's length. Only well-formed uuids may reach here (ids are
 * checked before they reach SQL), so nothing needs quoting; anything else is the caller's bug, refused rather
 * than let into the literal.
 */
export function uuidArrayLiteral(ids: ReadonlyArray<string>): string {
  const malformed = ids.find((id) => !isUuid(id));
  if (malformed !== undefined) throw new Error(`not a uuid: ${JSON.stringify(malformed)}`);
  return `{${ids.join(',')}}`;
}
