import type { ApolloConfigInput, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginUsageReporting } from '@apollo/server/plugin/usageReporting';
import type { Logger } from '@techally/platform';
import type { ApolloStudioConfig } from './apollo-studio-config';

/**
 * Share of operations whose subgraph fetches carry field-level traces (ftv1) for GraphOS's field usage and
 * latency: each traced fetch makes the subgraph build a trace and the gateway merge it, so 1 % — enough for
 * field statistics (GraphOS scales them up) at a cost nobody measures. Operation counts and latencies cover
 * every operation whatever this is.
 */
export const FIELD_LEVEL_INSTRUMENTATION_SAMPLE = 0.01;

export interface ApolloStudioReporting<Context extends BaseContext> {
  /** What ApolloServer's `apollo` option gets: the key and graph ref, or nothing. */
  readonly apollo: ApolloConfigInput | undefined;
  readonly plugins: ReadonlyArray<ApolloServerPlugin<Context>>;
}

/**
 * Usage reporting to GraphOS when configured, explicitly off otherwise — Apollo Server would otherwise switch it
 * on by itself from APOLLO_KEY in its process environment, bypassing our config. Schema reporting is always
 * off: Apollo does not support it for a federated graph (a gateway would report a supergraph GraphOS composes
 * itself); the subgraphs' schemas are published with `rover subgraph publish` (gateway/README.md).
 * What is reported is the operation shapes and timings, never variable values, headers (tokens, API keys) or
 * error messages (masked).
 */
export function apolloStudioReporting<Context extends BaseContext>(
  config: ApolloStudioConfig,
  logger: Logger,
  endpointUrl?: string,
): ApolloStudioReporting<Context> {
  const schemaReportingOff = ApolloServerPluginSchemaReportingDisabled() as ApolloServerPlugin<Context>;
  if (config.notice) logger.warn(config.notice);
  const graph = config.graph;
  if (!graph) return { apollo: undefined, plugins: [ApolloServerPluginUsageReportingDisabled() as ApolloServerPlugin<Context>, schemaReportingOff] };
  logger.info({ graphRef: graph.graphRef }, 'usage reporting to Apollo GraphOS is on');
  return {
    apollo: { key: graph.key, graphRef: graph.graphRef },
    plugins: [
      ApolloServerPluginUsageReporting<Context>({
        sendVariableValues: { none: true },
        sendHeaders: { none: true },
        sendErrors: { masked: true },
        fieldLevelInstrumentation: FIELD_LEVEL_INSTRUMENTATION_SAMPLE,
        logger,
        ...(endpointUrl ? { endpointUrl } : {}),
      }),
      schemaReportingOff,
    ],
  };
}
