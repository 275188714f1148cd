// @techally/sdk: the typed client of the TechAlly graph for mobile apps (React Native) and partners.
// Every operation is a function of its own (tree-shakeable): `productList(client, { first: 20 })`.
export { createClient, webSocketUrlOf, type ClientOptions, type TechAllyClient } from './client/create-client.js';
export type { CallOptions, OperationClient, PersistedDocument, Subscription, SubscriptionHandlers } from './client/operation-client.js';
export type { FetchFunction } from './client/http-transport.js';
export type { ClientErrorCode, GraphQLErrorEntry, KnownErrorCode, ProtocolErrorCode, Result, SdkError, ServerErrorCode } from './errors/error-codes.js';
export type { RetryPolicy } from './live/backoff.js';
export { Session, type SessionState } from './session/session.js';
export { memoryTokenStorage, type TokenStorage } from './session/token-storage.js';
export * from './gql/operations.js';
export type * from './gql/graphql.js';
