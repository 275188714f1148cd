import { ApolloServer, type ApolloServerOptionsWithGateway } from '@apollo/server';
import { DomainError, ErrorCode, type Logger, type RequestInfo } from '@techally/platform';
import type { GatewayContext } from '../../context';
import { API_KEY_HEADER } from '../partner-caller';
import { KnownOperationTypes } from './known-operation-types';
import { PartnerContractError } from './partner-contract';
import { createPartnerGateway, type PartnerGatewayOptions } from './partner-gateway';

export type PartnerServerOptions = PartnerGatewayOptions & {
  /** What the first-party server is built with (error boundary, plugins, introspection…): partners get the same. */
  readonly serverOptions: Omit<ApolloServerOptionsWithGateway<GatewayContext>, 'gateway'>;
  readonly logger: Logger;
};

/**
 * The Apollo Server for partners (requests with an API key): the partner gateway's contract as its schema,
 * field suggestions always hidden (`hideSchemaDetailsFromClientErrors`), and operations of a root type the
 * contract lacks refused in validation. Made before the source gateway loads (its partner gateway follows every
 * load from the first), started after: `start()` resolves `null` when the supergraph tags nothing for partners
 * — a graph without partners, see `refusePartnersWithoutContract`.
 */
export function createPartnerServer(options: PartnerServerOptions): { start(): Promise<ApolloServer<GatewayContext> | null> } {
  const { serverOptions } = options;
  const server = new ApolloServer<GatewayContext>({
    ...serverOptions,
    // Apollo Server adds its implicit plugins to the array it is given: this server's own copy.
    plugins: [...(serverOptions.plugins ?? [])],
    gateway: createPartnerGateway(options) as never,
    hideSchemaDetailsFromClientErrors: true,
    validationRules: [...(serverOptions.validationRules ?? []), KnownOperationTypes],
  });
  return {
    async start() {
      try {
        await server.start();
        return server;
      } catch (error) {
        if (!(error instanceof PartnerContractError && error.reason === 'untagged')) throw error;
        options.logger.warn('the supergraph tags nothing for partners: requests with an API key are refused');
        return null;
      }
    },
  };
}

/**
 * Refuses, while the context is built (so before the document is even parsed), a partner's request to a
 * gateway that serves no partner contract: the first-party server must never answer a partner.
 */
export function refusePartnersWithoutContract(
  createContext: (request: RequestInfo) => Promise<GatewayContext>,
  hasContract: boolean,
): (request: RequestInfo) => Promise<GatewayContext> {
  if (hasContract) return createContext;
  return async (request) => {
    if (request.headers[API_KEY_HEADER] !== undefined) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'This graph serves no partner contract.', { http: { status: 403 } });
    }
    return createContext(request);
  };
}
