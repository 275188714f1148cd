import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { generateCatalog } from '@techally/demo-data';
import { createLogger, createSubgraphServer, type RequestInfo } from '@techally/platform';
import { parse } from 'graphql';

/** The products subgraph's committed contract: the stand-in is built from it, so it cannot drift from the real one. */
const PRODUCTS_SDL = resolve(__dirname, '../../../../schema/products.graphql');

export interface ProductsStandIn {
  readonly url: string;
  /** What inventory asked: one entry per HTTP request, with the headers it forwarded. */
  readonly calls: Array<{ authorization: string | undefined; requestId: string; representations: unknown[] }>;
  /** While true, every reference fails with an unexpected (unregistered) error, as a broken products would. */
  failing: boolean;
  stop(): Promise<void>;
}

/**
 * A products subgraph for inventory's tests: the committed SDL with fixture resolvers that know the demo
 * catalog (active and archived products), served by the platform's subgraph server on a free port.
 */
export async function startProductsStandIn(): Promise<ProductsStandIn> {
  const products = new Map(generateCatalog().products.map((product) => [product.id, product]));
  const calls: ProductsStandIn['calls'] = [];
  const standIn = { failing: false };
  type Call = ProductsStandIn['calls'][number];
  const resolvers = {
    Product: {
      __resolveReference(reference: { id?: string }, { call }: { call: Call }) {
        call.representations.push(reference);
        if (standIn.failing) throw new Error('connection to the catalog database lost');
        const product = reference.id ? products.get(reference.id) : undefined;
        return product ? { id: product.id, sku: product.sku, name: product.name, status: product.status } : null;
      },
    },
  };
  const server = await createSubgraphServer({
    name: 'products',
    schema: buildSubgraphSchema([{ typeDefs: parse(readFileSync(PRODUCTS_SDL, 'utf8')), resolvers: resolvers as never }]),
    logger: createLogger({ name: 'products', level: 'silent' }),
    createContext: async (request: RequestInfo) => {
      const call: Call = { authorization: request.headers.authorization, requestId: request.requestId, representations: [] };
      calls.push(call);
      return { ...request, call };
    },
    isReady: async () => true,
    processMetrics: false,
  });
  const url = await server.listen(0);
  return Object.assign(standIn, { url, calls, stop: () => server.stop() });
}
