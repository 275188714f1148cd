import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { FetchCoalescer } from './fetch-coalescer';

type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * One subgraph's data source as the gateway's executor sees it: the fetches a request's query plan makes to this
 * subgraph close together leave as ONE operation, merged and split back by the gateway-wide `FetchCoalescer`
 * (which also decides when they leave); `inner` — the subgraph's forwarding data source — sends it, forwarding
 * credentials, request id and trace headers as for any fetch. Each fetch gets its own fields, the errors of its
 * own fields with its own paths, and the response's HTTP metadata (`http`: status, headers such as
 * Cache-Control) as if it had been sent alone.
 *
 * Only queries are merged; anything else (mutations, traced fetches, schema loading, health checks) goes out at
 * once, after any fetches of the same request still waiting, so the subgraph receives them in the order the
 * executor issued them. When a merged operation fails as a whole (no data), each fetch is sent again alone, so
 * one fetch's failure never becomes another's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export class CoalescingDataSource<TContext extends Record<string, any> = Record<string, any>> implements GraphQLDataSource<TContext> {
  constructor(
    readonly inner: GraphQLDataSource<TContext>,
    private readonly coalescer: FetchCoalescer = new FetchCoalescer(),
  ) {}

  process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<Answer> {
    const source = this.inner as GraphQLDataSource;
    return this.coalescer.mergeable(options) ? this.coalescer.enqueue(source, options) : this.coalescer.sendNow(source, options);
  }
}
