import { DomainError, ErrorCode } from '@techally/platform';

/** The limits the gateway puts on one operation, as `extensions.limit` names them (a public contract). */
export type OperationLimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'subscriptionsPerConnection';

/** What the client's developer reads: the limit, its value, the operation's value, and what to do instead. */
function describe(limit: OperationLimitName, maximum: number, found: number | undefined): string {
  switch (limit) {
    case 'depth':
      return `its fields are nested ${found} levels deep, above the limit of ${maximum}. Ask for less nested data, or split the operation.`;
    case 'aliases':
      return `it uses ${found} aliases, above the limit of ${maximum}. Ask for fewer aliased fields, or split the operation.`;
    case 'directives':
      return `it uses ${found} directives, above the limit of ${maximum}.`;
    case 'tokens':
      return `the document has more than ${maximum} tokens, the limit. Send a smaller document, or split the operation.`;
    case 'cost':
      return (
        `its cost is ${found} (the most objects its answer can hold, each list counted at its first/last or default page size), ` +
        `above the limit of ${maximum}. Ask for smaller pages or fewer nested lists, or split the operation.`
      );
    case 'subscriptionsPerConnection':
      return `this connection already holds ${maximum} subscriptions, the limit. Complete one first.`;
  }
}

/**
 * OPERATION_LIMIT_EXCEEDED (HTTP 400): an operation the gateway refuses to run, whoever sends it. The message
 * says which limit, its value and the operation's, for the client's developer; programs read the same figures
 * in `extensions` (`limit`, `maximum`, `found`). `found` is absent for tokens — parsing stops at the limit, so
 * the document's full count is never known (that is the point) — and for subscriptions per connection.
 */
export function operationLimitExceeded(limit: OperationLimitName, maximum: number, found?: number): DomainError {
  return new DomainError(ErrorCode.OPERATION_LIMIT_EXCEEDED, `Operation refused: ${describe(limit, maximum, found)}`, {
    limit,
    maximum,
    ...(found === undefined ? {} : { found }),
    http: { status: 400 },
  });
}

/** graphql-js's own words when its parser stops at `maxTokens` (graphql 16.7+; 16.x writes "more that"). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens\. Parsing aborted\.$/;

/** The token limit's refusal for a parse failure caused by it; undefined for any other syntax error. */
export function tokenLimitErrorFor(message: string): DomainError | undefined {
  const match = TOO_MANY_TOKENS.exec(message);
  return match ? operationLimitExceeded('tokens', Number(match[1])) : undefined;
}
