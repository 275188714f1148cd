import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import type { OperationCostOf } from '../rate-limits/operation-cost-of';
import { memoizedOperationCost } from './operation-cost-memo';
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
  /**
   * What the rate limits' budgets pay (edge/rate-limits): the operation's cost — except for one the cost limit
   * refuses, which never runs and pays only the minimum (the two plugins run side by side in
   * `didResolveOperation`; a mistaken `first: 1000` must not empty its caller's budget for the window).
   */
  readonly budgetCost: OperationCostOf;
}

/**
 * Depth, aliases, directives, tokens and cost for every operation, over HTTP and WebSocket alike, refused with
 * OPERATION_LIMIT_EXCEEDED (HTTP 400) before any subgraph is asked (gateway/README.md, *Operation limits*).
 */
export function operationLimits(limits: OperationLimits, trustedProxies: number): OperationLimitsAtTheEdge {
  const validationRules = limits.enabled ? operationLimitRules(limits) : [];
  // One calculator for the cost limit and the budgets: each request's cost is computed once, not once each.
  const costOf = memoizedOperationCost({ defaultListSize: limits.defaultListSize });
  return {
    apolloServerOptions: limits.enabled ? { parseOptions: { maxTokens: limits.maxTokens }, validationRules } : {},
    plugin: operationLimitsPlugin(limits, costOf),
    webSocket: webSocketLimits(limits, validationRules, trustedProxies),
    budgetCost(operation) {
      const cost = costOf(operation);
      return limits.enabled && cost > limits.maxCost ? 0 : cost;
    },
  };
}
