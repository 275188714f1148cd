import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@techally/platform';
import { withoutSuggestions } from './field-suggestions';
import type { OperationCostOf } from '../rate-limits/operation-cost-of';
import { operationLimitExceeded, tokenLimitErrorFor } from './operation-limit-error';
import type { OperationLimits } from './operation-limits-config';

/**
 * The HTTP side of the operation limits that Apollo's options cannot express:
 * - **cost**, per request, once the operation is resolved and before any plan runs (or the response cache is
 *   asked): it depends on the variables (`first: $n`), so it cannot be a validation rule — Apollo validates a
 *   document text once and caches it;
 * - **the refusals' code**: Apollo gives every validation error GRAPHQL_VALIDATION_FAILED and every parse error
 *   GRAPHQL_PARSE_FAILED; those of the limits (depth, aliases, directives from armor's rules, tokens from
 *   graphql's parser) go out as OPERATION_LIMIT_EXCEEDED, as over WebSocket;
 * - **field suggestions** removed from messages when GATEWAY_FIELD_SUGGESTIONS is off (production).
 */
export function operationLimitsPlugin(limits: OperationLimits, costOf: OperationCostOf): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          if (!limits.enabled) return;
          const cost = costOf({ schema, document, variables: request.variables ?? {}, operationName: request.operationName ?? undefined });
          if (cost > limits.maxCost) throw operationLimitExceeded('cost', limits.maxCost, cost);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
            const presented = asLimitRefusal(error);
            return limits.fieldSuggestions ? presented : { ...presented, message: withoutSuggestions(presented.message) };
          });
        },
      };
    },
  };
}

function asLimitRefusal(error: GraphQLFormattedError): GraphQLFormattedError {
  const code = error.extensions?.['code'];
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof error.extensions?.['limit'] === 'string') {
    return { ...error, extensions: { ...error.extensions, code: ErrorCode.OPERATION_LIMIT_EXCEEDED } };
  }
  if (code === 'GRAPHQL_PARSE_FAILED') {
    const tokens = tokenLimitErrorFor(error.message);
    if (tokens) {
      const { http: _http, ...extensions } = tokens.extensions;
      return { message: tokens.message, extensions };
    }
  }
  return error;
}
