/** @techally/web-client — generated operations (./gql) and the small fetch client that runs them. */
export * from './graphql-client';
export * from './gql';
