import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../context';
import { rateLimited } from './rate-limit-error';
import type { RateLimits } from './rate-limits';

/**
 * The rate limits on HTTP, in Apollo's `didResolveOperation`: the first moment the caller (the context, after
 * the token is verified), the operation (credential mutations) and its cost (the parsed, validated document) are
 * all known, and before the response cache or the query plan sends anything to a subgraph. A refusal thrown here
 * is answered at once: 429, `Retry-After`, RATE_LIMITED.
 */
export function rateLimitPlugin(limits: RateLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { contextValue } = requestContext;
          const refusal = await limits.admit({
            headers: contextValue.headers,
            remoteAddress: contextValue.remoteAddress,
            viewer: contextValue.viewer,
            partner: contextValue.partner,
            operation: {
              schema: requestContext.schema,
              document: requestContext.document,
              definition: requestContext.operation,
              variables: requestContext.request.variables ?? {},
              operationName: requestContext.operationName ?? undefined,
            },
          });
          if (refusal) throw rateLimited(refusal);
        },
      };
    },
  };
}
