import {
  createAccessTokenVerifier,
  createLogger,
  createSubgraphServer,
  createSubscriptionPubSub,
  DomainError,
  requireViewer,
  topic,
  type AccessTokenVerifier,
  type GraphQLHttpServer,
  type JWTVerifyGetKey,
  type RequestInfo,
  type SubscriptionPubSub,
  type Viewer,
} from '@techally/platform';
import { parse } from 'graphql';
import { buildSubgraphSchema } from './federation';

export const ISSUER = 'https://issuer.test';
export const AUDIENCE = 'techally-graph';
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** A TEST-ONLY subgraph owning stock subscriptions, fed by an in-memory pub/sub. */
export const STOCK_SDL = parse(`${FEDERATION}
  type Query { stockLevel(productId: ID!): Int }
  type Subscription {
    "Public: stock changes of the given products."
    stockChanged(productIds: [ID!]!): StockChange!
    "Signed-in viewers only: refused to anonymous connections by the subgraph itself."
    myStockAlerts: StockChange!
  }
  type StockChange { product: Product! available: Int! padding: String }
  type Product @key(fields: "id") { id: ID! }
`);

/** A TEST-ONLY subgraph resolving Product names through _entities. */
export const CATALOG_SDL = parse(`${FEDERATION}
  type Query { product(id: ID!): Product }
  type Product @key(fields: "id") { id: ID! name: String price: Int }
`);

/** The same catalog with one more field: a supergraph change to reload. */
export const CATALOG_V2_SDL = parse(`${FEDERATION}
  type Query { product(id: ID!): Product }
  type Product @key(fields: "id") { id: ID! name: String price: Int colour: String }
`);

export interface StockEvent {
  readonly productId: string;
  readonly available: number;
  readonly padding?: string;
}
export const stockChanged = topic<StockEvent>('stock-changed');
export const stockAlerts = topic<StockEvent>('stock-alerts');

interface SubgraphContext extends RequestInfo {
  readonly viewer: Viewer | null;
}

/** What a test subgraph saw: one entry per context built (HTTP request, WebSocket connection or event). */
export interface Seen {
  readonly authorization: string | undefined;
  readonly requestId: string;
}

export interface StockSubgraph {
  readonly url: string;
  /** Its `/metrics` (a port of its own). */
  readonly metricsUrl: string;
  readonly pubSub: SubscriptionPubSub;
  readonly seen: Seen[];
  /** Stops the server (its WebSocket connections close with 1001). */
  stop(): Promise<void>;
  /** Serves again on the same port, as a restarted process would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startStockSubgraph(keys: JWTVerifyGetKey): Promise<StockSubgraph> {
  const verifier = createAccessTokenVerifier({ keys, issuer: ISSUER, audience: AUDIENCE });
  const pubSub = createSubscriptionPubSub({ keyPrefix: 'gateway-test', logger: createLogger({ name: 'stock', level: 'silent' }) });
  const seen: Seen[] = [];
  const schema = buildSubgraphSchema(STOCK_SDL, {
    Query: { stockLevel: () => 1 },
    Subscription: {
      stockChanged: {
        subscribe: (_: unknown, { productIds }: { productIds: string[] }) => stockChanged.subscribe(pubSub, productIds),
        resolve: (event: StockEvent) => event,
      },
      myStockAlerts: {
        subscribe: (_: unknown, _args: unknown, context: SubgraphContext) => {
          requireViewer(context.viewer);
          return stockAlerts.subscribe(pubSub);
        },
        resolve: (event: StockEvent) => event,
      },
    },
    StockChange: { product: (event: StockEvent) => ({ id: event.productId }), padding: (event: StockEvent) => event.padding ?? null },
  });
  let server = await serve('stock', schema, verifier, seen);
  let url = await server.listen(0);
  const port = Number(new URL(url).port);
  return {
    get url() {
      return url;
    },
    get metricsUrl() {
      return server.metricsUrl!;
    },
    pubSub,
    seen,
    stop: () => server.stop(),
    async restart() {
      server = await serve('stock', schema, verifier, seen);
      url = await server.listen(port, '127.0.0.1', 0);
    },
    async close() {
      await server.stop().catch(() => undefined);
      await pubSub.close();
    },
  };
}

export interface CatalogSubgraph {
  readonly url: string;
  readonly seen: Seen[];
  /** Product ids resolved through _entities, in order. */
  readonly references: string[];
  close(): Promise<void>;
}

/** Products: `p1`… have names; `broken` fails with NOT_FOUND when its name is asked for. */
export async function startCatalogSubgraph(keys: JWTVerifyGetKey, typeDefs = CATALOG_SDL): Promise<CatalogSubgraph> {
  const verifier = createAccessTokenVerifier({ keys, issuer: ISSUER, audience: AUDIENCE });
  const seen: Seen[] = [];
  const references: string[] = [];
  const product = (id: string) => ({ id, price: 100 * id.length, colour: 'teal' });
  const schema = buildSubgraphSchema(typeDefs, {
    Query: { product: (_: unknown, { id }: { id: string }) => product(id) },
    Product: {
      __resolveReference: (reference: { id: string }) => {
        references.push(reference.id);
        return product(reference.id);
      },
      name: (entity: { id: string }) => {
        if (entity.id === 'broken') throw new DomainError('NOT_FOUND', 'Product broken has no name any more.');
        return `Product ${entity.id}`;
      },
    },
  });
  const server = await serve('catalog', schema, verifier, seen);
  const url = await server.listen(0);
  return { url, seen, references, close: () => server.stop() };
}

async function serve(
  name: string,
  schema: ReturnType<typeof buildSubgraphSchema>,
  verifier: AccessTokenVerifier,
  seen: Seen[],
): Promise<GraphQLHttpServer> {
  return createSubgraphServer<SubgraphContext>({
    name,
    schema,
    logger: createLogger({ name, level: 'silent' }),
    createContext: async (request) => {
      seen.push({ authorization: request.headers.authorization, requestId: request.requestId });
      return { ...request, viewer: await verifier.viewerFromAuthorization(request.headers.authorization) };
    },
    isReady: async () => true,
    processMetrics: false,
  });
}
