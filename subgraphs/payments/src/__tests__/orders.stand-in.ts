import { formatMoney } from '@techally/platform';
import { serveStandIn } from '@techally/testing';

/** An order as the stand-in serves it. */
export interface FixtureOrder {
  readonly id: string;
  readonly customerId: string;
  readonly status: string;
  readonly total: { readonly amount: number; readonly currency: string };
}

export interface OrdersStandIn {
  readonly url: string;
  /** Adds (or replaces) an order. */
  put(order: FixtureOrder): void;
  /** The Authorization header of every request received, in order. */
  readonly authorizations: ReadonlyArray<string | undefined>;
  stop(): Promise<void>;
}

interface StandInContext {
  readonly viewer: { userId: string; admin: boolean } | null;
}

/**
 * The orders subgraph, played by its own SDL with fixture resolvers: `_entities` Order answers the order to
 * its customer or an admin and null to anyone else, as the orders issue specifies. It reads the token's claims
 * without verifying the signature: it stands in for a service that does, in tests that sign every token.
 */
export async function startOrdersStandIn(): Promise<OrdersStandIn> {
  const orders = new Map<string, FixtureOrder>();
  const authorizations: Array<string | undefined> = [];
  const visible = (id: unknown, { viewer }: StandInContext) => {
    const order = typeof id === 'string' ? orders.get(id) : undefined;
    return order && viewer && (viewer.admin || viewer.userId === order.customerId) ? order : null;
  };
  const standIn = await serveStandIn({
    subgraph: 'orders',
    resolvers: {
      Query: { order: (_root: unknown, args: { id: string }, context: StandInContext) => visible(args.id, context) },
      Order: {
        __resolveReference: (reference: { id: string }, context: StandInContext) => visible(reference.id, context),
        number: (order: FixtureOrder) => `TA-${order.id.slice(0, 6).toUpperCase()}`,
        customer: (order: FixtureOrder) => ({ id: order.customerId }),
        total: (order: FixtureOrder) => ({ ...order.total, formatted: formatMoney(order.total.amount, order.total.currency) }),
      },
    },
    context: (request): StandInContext => {
      authorizations.push(request.headers.authorization);
      return { viewer: claimsOf(request.headers.authorization) };
    },
  });
  return {
    url: standIn.url,
    put: (order) => void orders.set(order.id, order),
    authorizations,
    stop: standIn.stop,
  };
}

function claimsOf(authorization: string | undefined): StandInContext['viewer'] {
  const token = authorization?.replace(/^Bearer\s+/i, '');
  const payload = token?.split('.')[1];
  if (!payload) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string; roles?: string[] };
  return { userId: claims.sub, admin: claims.roles?.includes('ADMIN') ?? false };
}
