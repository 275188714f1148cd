import { GraphQLError } from 'graphql';

/**
 * graphql-js's "Did you mean …?" — for fields, arguments, types and enum values ("Did you mean the enum value
 * "X"?") — which, on a graph whose schema is not public (production: introspection off), lets anyone map it one
 * typo at a time. Not graphql-armor's block-field-suggestions: that part is an envelop plugin only (no Apollo
 * Server form) and its pattern misses enum-value suggestions.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The message without its suggestions. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** The same error without suggestions in its message (the error itself when it has none). */
export function errorWithoutSuggestions(error: GraphQLError): GraphQLError {
  const message = withoutSuggestions(error.message);
  if (message === error.message) return error;
  return new GraphQLError(message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    extensions: error.extensions,
  });
}
