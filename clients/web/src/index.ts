/**
 * @techally/web-client — the generated operations (TypedDocumentNode per operation, with its result and
 * variables types) and the small fetch client that runs them.
 */
export * from './graphql-client';
export * from './gql/graphql';
