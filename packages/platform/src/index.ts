/**
 * @techally/platform — the kernel every service of the graph uses. See README.md for what lives here and
 * what may not.
 */
import 'reflect-metadata';

export * from './config/env';
export * from './config/common-env';
export * from './config/worker-count';
export * from './logging/logger';
export * from './errors/error-codes';
export * from './errors/domain-error';
export * from './errors/format-error';
export * from './db/create-orm';
export * from './db/lazy-fork';
export * from './db/unique-violation';
export * from './db/embedded-postgres';
export * from './schema/build-federated-schema';
export type { EnumDirectives } from './schema/enum-directives';
export * from './auth/viewer';
export * from './auth/jwt-verifier';
export * from './auth/authenticate';
export * from './auth/api-key';
export * from './auth/api-key-revocations';
export * from './loaders/entity-loaders';
export * from './metrics/registry';
export * from './metrics/operation-label';
export * from './server/request-info';
export * from './server/graphql-http-server';
export * from './server/metrics-server';
export * from './server/observability-plugin';
export * from './server/subgraph-server';
export * from './server/subgraph-app';
export * from './graphql/money.type';
export * from './graphql/connection';
export * from './graphql/selection';
export * from './graphql/scalars';
export * from './server/termination';
export * from './server/clustered-service';
export * from './server/subgraph-process';
export * from './text/slug';
export * from './text/uuid';
export * from './text/display-text';
export * from './client/service-client';
export * from './graphql/partner-tag';
export * from './cache/cache-control';
export * from './cache/cache-tags-plugin';
export * from './server/assemble-subgraph';
export * from './server/background-worker';
export * from './subscriptions/event-queue';
export * from './subscriptions/pubsub';
export * from './subscriptions/topic';
export * from './subscriptions/format-result';
export * from './subscriptions/subscription-metrics';
export * from './subscriptions/websocket-server';
export * from './subscriptions/per-event-context';
export * from './subscriptions/watched-ids';
export {
  WebSocketCloseCode,
  limitReason,
  type ConnectionControl,
  type WebSocketConnection,
} from './subscriptions/websocket-connection';
export * from './tracing/tracing-config';
export * from './tracing/start-tracing';
export { activeTraceparent, contextFromTraceparent, injectTraceHeaders } from './tracing/trace-context';
export { inSpan, SpanKind, type SpanSpec } from './tracing/spans';
export { isTracingActive } from './tracing/tracing-state';
