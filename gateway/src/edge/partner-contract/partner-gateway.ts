import { ApolloGateway, type GatewayConfig as ApolloGatewayConfig } from '@apollo/gateway';
import type { Logger } from '@techally/platform';
import { partnerContract } from './partner-contract';

export interface PartnerGatewayOptions {
  /** The gateway serving the whole graph: the contract follows every supergraph it loads. */
  readonly source: ApolloGateway;
  /** The same data sources as the source's (one connection pool, one fetch coalescer). */
  readonly buildService: NonNullable<ApolloGatewayConfig['buildService']>;
  readonly logger: Logger;
}

/**
 * A second ApolloGateway, serving the partner contract of whatever supergraph `source` has loaded (and
 * reloaded) — as Apollo serves a contract variant: from the supergraph with `@inaccessible` on what the
 * contract leaves out. Its API schema is the contract, so validation errors, field suggestions and
 * introspection (which Apollo Gateway answers itself, from its own API schema) know only the contract; its
 * query planner has the whole supergraph, so keys and `@requires` on untagged fields still plan.
 *
 * Why not a thin GatewayInterface handing Apollo Server the contract as schema and `source.executor` to run:
 * that executor answers `__schema` and `__type` from the FULL API schema, so a partner's introspection would
 * list every type of the graph.
 *
 * `source` must have loaded before this gateway loads. A supergraph whose tags make no valid contract stops the
 * start (PartnerContractError); on a later reload it is logged and partners keep the previous contract, as both
 * gateways keep their previous supergraph when a new one fails to load.
 */
export function createPartnerGateway(options: PartnerGatewayOptions): ApolloGateway {
  const { source, logger } = options;
  let contractSdl: string | null = null;
  let refused: unknown = null;
  let update: ((supergraphSdl: string) => void) | null = null;

  source.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    try {
      contractSdl = partnerContract(coreSupergraphSdl).supergraphSdl;
      refused = null;
    } catch (error) {
      refused = error;
      logger.error({ err: error }, 'the new supergraph makes no valid partner contract; partners keep the previous one');
      return;
    }
    try {
      update?.(contractSdl);
    } catch (error) {
      logger.error({ err: error }, 'the partner gateway refused the new contract; partners keep the previous one');
    }
  });

  return new ApolloGateway({
    logger,
    buildService: options.buildService,
    supergraphSdl: async (hook) => {
      if (contractSdl === null) throw refused ?? new Error('the partner gateway loads after the gateway it follows');
      update = hook.update;
      return { supergraphSdl: contractSdl };
    },
  });
}
