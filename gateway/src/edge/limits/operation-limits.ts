import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { operationLimitRules } from './operation-limit-rules';
import type { OperationLimits } from './operation-limits-config';
import { operationLimitsPlugin } from './operation-limits-plugin';
import { webSocketLimits, type WebSocketLimits } from './websocket-limits';

/** The operation limits, in the three forms the gateway's servers take them. */
export interface OperationLimitsAtTheEdge {
  /** For ApolloServer's options: graphql's parser stops at the token limit; armor's rules run beside graphql's. */
  readonly apolloServerOptions: Pick<ApolloServerOptions<never>, 'parseOptions' | 'validationRules'>;
  /** Cost per request, the refusals' code, field suggestions (operation-limits-plugin). */
  readonly plugin: ApolloServerPlugin;
  /** The same for subscriptions, and the WebSocket's own caps (websocket-limits). */
  readonly webSocket: WebSocketLimits;
}

/**
 * Depth, aliases, directives, tokens and cost for every operation, over HTTP and WebSocket alike, refused with
 * OPERATION_LIMIT_EXCEEDED (HTTP 400) before any subgraph is asked (gateway/README.md, *Operation limits*).
 */
export function operationLimits(limits: OperationLimits): OperationLimitsAtTheEdge {
  const validationRules = limits.enabled ? operationLimitRules(limits) : [];
  return {
    apolloServerOptions: limits.enabled ? { parseOptions: { maxTokens: limits.maxTokens }, validationRules } : {},
    plugin: operationLimitsPlugin(limits),
    webSocket: webSocketLimits(limits, validationRules),
  };
}
