import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger } from '../../../logging/logger';
import { createServiceMetrics } from '../../../metrics/registry';
import { createGraphQLHttpServer, type GraphQLHttpServer, type GraphQLHttpServerOptions } from '../../graphql-http-server';

/** A request the test holds open: `started` settles when its resolver runs, `release()` lets it answer. */
export interface HeldRequests {
  readonly started: Promise<void>;
  release(): void;
}

export interface TestHttpServer {
  readonly server: GraphQLHttpServer;
  readonly url: string;
  readonly port: number;
  /** `{ held }` waits until `hold()` is released. */
  hold(): HeldRequests;
}

/**
 * createGraphQLHttpServer with a two-field schema: `hello`, and `held`, which answers only when the test
 * releases it (an in-flight request, without a timer).
 */
export async function startTestHttpServer(
  options: Partial<Pick<GraphQLHttpServerOptions<object>, 'drainDeadlineMs' | 'maxBodyBytes' | 'logger' | 'cors'>> = {},
): Promise<TestHttpServer> {
  let gate: { release: () => void; started: () => void; released: Promise<void> } | null = null;
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse('type Query { hello: String! held: String! }'),
      resolvers: {
        Query: {
          hello: () => 'hello',
          held: async () => {
            gate?.started();
            await gate?.released;
            return 'released';
          },
        },
      },
    },
  ]);
  const logger = options.logger ?? createLogger({ name: 'http-test', level: 'silent' });
  const apollo = new ApolloServer<object>({ schema, logger, stopOnTerminationSignals: false });
  await apollo.start();
  const server = createGraphQLHttpServer<object>({
    serviceName: 'http-test',
    apollo,
    logger,
    metrics: createServiceMetrics('http-test', { processMetrics: false }),
    createContext: async () => ({}),
    isReady: async () => true,
    ...options,
  });
  const url = await server.listen(0);
  return {
    server,
    url,
    port: Number(new URL(url).port),
    hold() {
      let release = () => {};
      let started = () => {};
      const startedPromise = new Promise<void>((resolve) => (started = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      gate = { release, started, released };
      return { started: startedPromise, release };
    },
  };
}
