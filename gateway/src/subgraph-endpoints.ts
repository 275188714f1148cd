import type { GraphQLDataSource, RemoteGraphQLDataSource, ServiceEndpointDefinition, ServiceMap } from '@apollo/gateway';
import type { GatewayContext } from './context';
import { CoalescingDataSource } from './fetch/coalescing-data-source';
import { FetchCoalescer } from './fetch/fetch-coalescer';
import { ForwardingDataSource } from './forwarding-data-source';

export interface SubgraphClientOptions {
  /** The HTTP client to the subgraphs (a pooled keep-alive one, see fetch/pooled-fetcher); Apollo's default otherwise. */
  readonly fetcher?: RemoteGraphQLDataSource['fetcher'];
  /** Merge the fetches a request makes to one subgraph close together into one operation (fetch/fetch-coalescer). */
  readonly mergeFetches?: boolean;
  /** How long a fetch may wait for the request's fetches in flight, so that those they lead to can join it. */
  readonly mergeWaitMs?: number;
}

/**
 * Where each subgraph is reached (the supergraph's URL, or its `SUBGRAPH_<NAME>_URL` override) and the data
 * source the gateway uses for it. Apollo Gateway builds the data sources through `build`; keeping them here lets
 * subscription events run their entity fetches through the very same ones as HTTP requests (same forwarding of
 * credentials and request ids, same SERVICE_UNAVAILABLE).
 */
export class SubgraphEndpoints {
  private readonly endpoints = new Map<string, { readonly url: string; readonly dataSource: GraphQLDataSource<GatewayContext> }>();

  private readonly coalescer: FetchCoalescer;

  constructor(
    private readonly overrides: Readonly<Record<string, string>>,
    private readonly client: SubgraphClientOptions = {},
  ) {
    this.coalescer = new FetchCoalescer({ maxWaitMs: client.mergeWaitMs ?? 0 });
  }

  /** Apollo Gateway's `buildService`. */
  readonly build = ({ name, url }: ServiceEndpointDefinition): GraphQLDataSource<GatewayContext> => {
    const resolved = this.overrides[name] ?? url ?? '';
    const forwarding = new ForwardingDataSource(name, resolved, this.client.fetcher);
    const dataSource = this.client.mergeFetches ? new CoalescingDataSource<GatewayContext>(forwarding, this.coalescer) : forwarding;
    this.endpoints.set(name, { url: resolved, dataSource });
    return dataSource;
  };

  /** The data sources by subgraph name, as `executeQueryPlan` takes them. */
  dataSources(): ServiceMap {
    const services: ServiceMap = Object.create(null) as ServiceMap;
    for (const [name, { dataSource }] of this.endpoints) services[name] = dataSource;
    return services;
  }

  /** The subgraph's graphql-ws endpoint: the same host and path as its HTTP one (`http://h/graphql` → `ws://h/graphql`). */
  webSocketUrl(name: string): string {
    const endpoint = this.endpoints.get(name);
    if (!endpoint?.url) throw new Error(`No URL is known for the ${name} subgraph; set SUBGRAPH_${name.toUpperCase()}_URL.`);
    return endpoint.url.replace(/^http/, 'ws');
  }
}
