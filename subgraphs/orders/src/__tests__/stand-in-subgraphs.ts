import type { RequestInfo } from '@techally/platform';
import { serveStandIn } from '@techally/testing';
import { decodeJwt } from 'jose';

/**
 * Stand-ins for the users and products subgraphs: their COMMITTED SDL (schema/<name>.graphql) with fixture
 * resolvers, served by the testing package's `serveStandIn`. Checkout talks to them exactly as to the real
 * ones, and a change of their public contract that breaks what orders asks for fails these tests rather than
 * production. The products stand-in is orders' own (not the testing package's demo one): checkout needs prices
 * and weights, and products the demo catalogue does not have (one priced in euros).
 */
export interface FixtureProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly status: 'ACTIVE' | 'ARCHIVED';
  readonly price: { readonly amount: number; readonly currency: string };
  /** Grams. */
  readonly weight: number;
}

export interface FixtureAddress {
  readonly id: string;
  readonly label: string | null;
  readonly fullName: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly region: string | null;
  readonly postalCode: string;
  readonly country: string;
  readonly phone: string | null;
  readonly isDefault: boolean;
}

/** What a stand-in was asked, for assertions on how often and with which credentials. */
export interface RecordedCall {
  readonly authorization: string | undefined;
  readonly requestId: string;
}

export interface StandIn {
  readonly url: string;
  readonly calls: RecordedCall[];
  stop(): Promise<void>;
}

/** Records each HTTP request a stand-in receives, with the credentials and request id it was sent. */
function recording(calls: RecordedCall[]) {
  return (request: RequestInfo) => {
    calls.push({ authorization: request.headers.authorization, requestId: request.requestId });
    return {};
  };
}

/** The products subgraph: `_entities` Product by id from a fixed list (null for any other id). */
export async function startProductsStandIn(products: ReadonlyArray<FixtureProduct>): Promise<StandIn> {
  const byId = new Map(products.map((product) => [product.id, product]));
  const resolvers = {
    Product: {
      __resolveReference: ({ id }: { id?: string }) => (id ? (byId.get(id) ?? null) : null),
      price: (product: FixtureProduct) => ({ ...product.price, formatted: `${product.price.amount} ${product.price.currency}` }),
    },
  };
  const calls: RecordedCall[] = [];
  const standIn = await serveStandIn({ subgraph: 'products', resolvers, context: recording(calls) });
  return { ...standIn, calls };
}

/**
 * The users subgraph: `me { addresses }` for the user named by the bearer token's subject (null without a
 * token). The token's signature was already checked by the orders subgraph under test; this stand-in only
 * needs to know whose address book to answer with.
 */
export async function startUsersStandIn(addressBooks: Readonly<Record<string, ReadonlyArray<FixtureAddress>>>): Promise<StandIn> {
  const resolvers = {
    Query: {
      me: (_root: unknown, _args: unknown, context: RequestInfo) => {
        const header = context.headers.authorization;
        if (!header) return null;
        const userId = String(decodeJwt(header.replace(/^Bearer\s+/i, '')).sub);
        return { id: userId, addresses: addressBooks[userId] ?? [] };
      },
    },
  };
  const calls: RecordedCall[] = [];
  const standIn = await serveStandIn({ subgraph: 'users', resolvers, context: recording(calls) });
  return { ...standIn, calls };
}
