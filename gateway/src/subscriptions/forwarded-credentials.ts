import { createHash } from 'node:crypto';
import type { GatewayContext } from '../context';

/** What the gateway presents to a subgraph on a client's behalf, and the fingerprint that groups by it. */
export interface ForwardedCredentials {
  /** The client's `Authorization` (already verified at the edge; the subgraph verifies it again). */
  readonly authorization: string | undefined;
  /**
   * A hash of the Authorization (or `anonymous`): clients with the same fingerprint get the same answers from
   * every subgraph, so their identical subscriptions may share one upstream and one execution.
   */
  readonly fingerprint: string;
}

export function forwardedCredentials(context: GatewayContext): ForwardedCredentials {
  const authorization = context.headers.authorization || undefined;
  return {
    authorization,
    fingerprint: authorization ? createHash('sha256').update(authorization).digest('base64url') : 'anonymous',
  };
}

/** When the verified token in an Authorization header expires (its `exp`), in ms since the epoch. */
export function tokenExpiry(authorization: string | undefined): number | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
