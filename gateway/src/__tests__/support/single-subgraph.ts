import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, createSubgraphServer, type GraphQLHttpServer, type Logger } from '@techally/platform';
import { parse } from 'graphql';
import { createGateway, type Gateway } from '../../app';
import { loadGatewayConfig } from '../../config';
import { composeSupergraph } from '../../subscriptions/__tests__/support/federation';

/** A TEST-ONLY subgraph (the platform's own server, boundary included) from an SDL and its resolvers. */
export async function startSubgraph(
  name: string,
  sdl: string,
  resolvers: Record<string, unknown>,
  logger: Logger = createLogger({ name, level: 'silent' }),
): Promise<{ readonly server: GraphQLHttpServer; readonly url: string }> {
  const server = await createSubgraphServer({
    name,
    schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]),
    logger,
    createContext: async (request) => ({ ...request }),
    isReady: async () => true,
    processMetrics: false,
  });
  return { server, url: await server.listen(0) };
}

/** A gateway serving a supergraph of the one subgraph `name` at `url`; resolves once it listens. */
export async function startGatewayFor(
  name: string,
  sdl: string,
  url: string,
  logger: Logger = createLogger({ name: 'gateway', level: 'silent' }),
): Promise<{ readonly gateway: Gateway; readonly url: string }> {
  const supergraphSdl = await composeSupergraph([{ name, url, typeDefs: parse(sdl) }]);
  const gateway = await createGateway(loadGatewayConfig({ LOG_LEVEL: logger.level }), { logger, supergraphSdl });
  return { gateway, url: await gateway.listen(0) };
}
