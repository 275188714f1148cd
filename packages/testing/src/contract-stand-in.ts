import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { generateCatalog } from '@techally/demo-data';
import { createLogger, createSubgraphServer, type RequestInfo } from '@techally/platform';
import { parse, type DocumentNode } from 'graphql';

const SCHEMA_DIR = resolve(__dirname, '../../../schema');

/** A subgraph's committed contract (`schema/<name>.graphql`), which `pnpm compose --check` keeps true to its code. */
export function committedSdl(subgraph: string): DocumentNode {
  return parse(readFileSync(resolve(SCHEMA_DIR, `${subgraph}.graphql`), 'utf8'));
}

export interface StandIn {
  readonly url: string;
  /** Stops answering: the port closes, as when that process is down. */
  stop(): Promise<void>;
}

/**
 * Another subgraph, played in a subgraph's own tests: its COMMITTED SDL with fixture resolvers, served by the
 * platform's subgraph server on a free port. Built from the contract, it cannot drift from the real one; the
 * real cross-subgraph behaviour is covered end to end in packages/supergraph.
 */
export async function serveStandIn<Context extends object>(options: {
  readonly subgraph: string;
  readonly resolvers: Record<string, unknown>;
  readonly context?: (request: RequestInfo) => Context;
}): Promise<StandIn> {
  const server = await createSubgraphServer({
    name: options.subgraph,
    schema: buildSubgraphSchema([{ typeDefs: committedSdl(options.subgraph), resolvers: options.resolvers as never }]),
    logger: createLogger({ name: options.subgraph, level: 'silent' }),
    createContext: async (request) => ({ ...request, ...options.context?.(request) }),
    isReady: async () => true,
    processMetrics: false,
  });
  const url = await server.listen(0);
  return { url, stop: () => server.stop() };
}

export interface ProductsStandIn extends StandIn {
  /** What was asked: one entry per HTTP request, with the headers forwarded. */
  readonly calls: Array<{ authorization: string | undefined; requestId: string; representations: unknown[] }>;
  /** While true, every reference fails with an unexpected (unregistered) error, as a broken products would. */
  failing: boolean;
}

/** The products subgraph as the demo catalogue (active and archived products), for subgraphs that ask it. */
export async function startProductsStandIn(): Promise<ProductsStandIn> {
  const products = new Map(generateCatalog().products.map((product) => [product.id, product]));
  const calls: ProductsStandIn['calls'] = [];
  const state = { failing: false };
  type Call = ProductsStandIn['calls'][number];
  const standIn = await serveStandIn({
    subgraph: 'products',
    resolvers: {
      Product: {
        __resolveReference(reference: { id?: string }, { call }: { call: Call }) {
          call.representations.push(reference);
          if (state.failing) throw new Error('connection to the catalog database lost');
          const product = reference.id ? products.get(reference.id) : undefined;
          return product ? { id: product.id, sku: product.sku, name: product.name, status: product.status } : null;
        },
      },
    },
    context: (request) => {
      const call: Call = { authorization: request.headers.authorization, requestId: request.requestId, representations: [] };
      calls.push(call);
      return { call };
    },
  });
  return Object.assign(state, standIn, { calls });
}
