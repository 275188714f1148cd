import type { GraphQLFormattedError } from 'graphql';

/**
 * graphql-js's "Did you mean …?" — for fields, arguments, types and enum values ("Did you mean the enum value
 * "X"?") — which, on a graph whose schema is not public (production: introspection off), lets anyone map it one
 * typo at a time. Not graphql-armor's block-field-suggestions: that part is an envelop plugin only (no Apollo
 * Server form) and its pattern misses enum-value suggestions.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The error without its suggestions (the error itself when it has none). */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(SUGGESTION, '');
  return message === error.message ? error : { ...error, message };
}
