import { DomainError, ErrorCode } from '@techally/platform';

/**
 * Why the gateway ends a client's subscription. Each is delivered as the subscription's last result (an error
 * with a registered `extensions.code`), then the subscription completes; the gateway itself stays up.
 */
export const SubscriptionEnd = {
  /** The access token given at connect has expired: reconnect with a fresh one. */
  tokenExpired: () =>
    new DomainError(ErrorCode.UNAUTHENTICATED, 'The access token has expired; reconnect with a fresh token to subscribe again.'),

  /** A new supergraph was loaded: the subscription was planned against the old one. */
  supergraphReloaded: () =>
    new DomainError(ErrorCode.SUPERGRAPH_RELOADED, 'The graph was updated; subscribe again.'),

  /** The subgraph serving the subscription closed it or could not be reached. */
  upstreamGone: (subgraph: string) =>
    new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${subgraph} service ended the subscription or cannot be reached; subscribe again shortly.`, {
      serviceName: subgraph,
    }),

  /** The subgraph refused the gateway's connection on the client's behalf (4401 / 4403). */
  upstreamRefused: (subgraph: string, code: typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN, reason: string) =>
    new DomainError(code, reason || `The ${subgraph} service refused the subscription.`, { serviceName: subgraph }),

  /** The gateway is stopping. */
  shuttingDown: () => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The gateway is restarting; subscribe again shortly.'),
} as const;
