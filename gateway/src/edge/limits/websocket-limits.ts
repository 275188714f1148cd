import type { IncomingMessage } from 'node:http';
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLError, type ValidationRule } from 'graphql';
import { clientAddressOf, WebSocketCloseCode, type ConnectionAdmission, type GraphQLWebSocketOptions } from '@techally/platform';
import { errorWithoutSuggestions } from './field-suggestions';
import { operationCost } from './operation-cost';
import { operationLimitExceeded, tokenLimitErrorFor } from './operation-limit-error';
import type { OperationLimits } from './operation-limits-config';

/** What the gateway's graphql-ws endpoint takes from the limits (platform hooks, see serveGraphQLOverWebSocket). */
export type WebSocketLimits = Pick<GraphQLWebSocketOptions<unknown>, 'parse' | 'validate' | 'admit' | 'admitConnection'>;

/**
 * The same operation limits as over HTTP for every subscription (tokens while parsing, armor's rules beside
 * graphql's, cost with the subscription's variables, field suggestions hidden), plus two of the WebSocket's own:
 * - **subscriptions per connection**: one beyond the cap is refused with an `error` message
 *   (OPERATION_LIMIT_EXCEEDED, `limit: subscriptionsPerConnection`); the socket and its other subscriptions
 *   go on. Counted by graphql-ws' own registry, so a burst of subscribe messages cannot slip past while the
 *   first ones are still starting.
 * - **connections per client**: a socket beyond the cap is closed at once with **1013** (try again later) and a
 *   reason naming the limit; graphql-ws clients retry it with back-off. Per client address as far as it can
 *   be trusted (`clientAddressOf` with GATEWAY_TRUSTED_PROXIES, as the rate limits count), per gateway process.
 */
export function webSocketLimits(
  limits: OperationLimits,
  validationRules: ReadonlyArray<ValidationRule>,
  trustedProxies: number,
): WebSocketLimits {
  const shapes = limits.enabled;
  return {
    parse: shapes ? (source) => parseWithTokenLimit(source, limits.maxTokens) : undefined,
    validate:
      shapes || !limits.fieldSuggestions
        ? (schema, document) => {
            const errors = validate(schema, document, shapes ? [...specifiedRules, ...validationRules] : specifiedRules);
            return limits.fieldSuggestions ? errors : errors.map(errorWithoutSuggestions);
          }
        : undefined,
    admit(operation) {
      const refusals: GraphQLError[] = [];
      if (operation.subscriptionsOnConnection > limits.maxSubscriptionsPerConnection) {
        refusals.push(operationLimitExceeded('subscriptionsPerConnection', limits.maxSubscriptionsPerConnection));
      } else if (shapes) {
        const cost = operationCost(operation.schema, operation.document, operation.variables, operation.operationName, {
          defaultListSize: limits.defaultListSize,
        });
        if (cost > limits.maxCost) refusals.push(operationLimitExceeded('cost', limits.maxCost, cost));
      }
      return refusals;
    },
    admitConnection: connectionsPerClient(limits.maxConnectionsPerClient, trustedProxies),
  };
}

function parseWithTokenLimit(source: string, maxTokens: number): DocumentNode {
  try {
    return parse(source, { maxTokens });
  } catch (error) {
    throw (error instanceof Error && tokenLimitErrorFor(error.message)) || error;
  }
}

function connectionsPerClient(max: number, trustedProxies: number): (request: IncomingMessage) => ConnectionAdmission {
  const open = new Map<string, number>();
  return (request) => {
    const client = clientAddressOf(request.headers, request.socket.remoteAddress, trustedProxies);
    const count = open.get(client) ?? 0;
    if (count >= max) {
      return {
        accepted: false,
        code: WebSocketCloseCode.TRY_AGAIN_LATER,
        reason: `Too many connections from your address: at most ${max} at once`,
      };
    }
    open.set(client, count + 1);
    return {
      accepted: true,
      release() {
        const left = (open.get(client) ?? 1) - 1;
        if (left > 0) open.set(client, left);
        else open.delete(client);
      },
    };
  };
}
