import {
  DomainError,
  type Logger,
  type SubscriptionMetrics,
  type SubscriptionOutcome,
  type SubscriptionResult,
  type WebSocketOperation,
} from '@techally/platform';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import type { SubgraphEndpoints } from '../subgraph-endpoints';
import { ClientSubscription } from './client-subscription';
import type { ClientSession } from './client-session';
import { forwardedCredentials } from './forwarded-credentials';
import { SharedExecution } from './shared-execution';
import { SubscriptionEnd } from './subscription-errors';
import { SupergraphPlanner } from './supergraph-planner';
import { UpstreamConnections } from './upstream-connections';
import { UpstreamFeed, type UpstreamRequest } from './upstream-feed';

export interface FederatedSubscriptionsOptions {
  readonly endpoints: SubgraphEndpoints;
  readonly logger: Logger;
  readonly metrics: SubscriptionMetrics;
  /** Results held per client subscription (GATEWAY_SUBSCRIPTION_QUEUE_LIMIT). */
  readonly queueLimit: number;
  /** Events waiting for execution per shared execution (GATEWAY_SUBSCRIPTION_BACKLOG_LIMIT). */
  readonly backlogLimit: number;
  /** Events of one shared execution executed at once. */
  readonly concurrency?: number;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Federated subscriptions on Apollo Gateway, which executes none itself (issue #5, README.md, Design decisions and §8).
 *
 * A subscription is planned against the loaded supergraph; its primary fetch is subscribed on the owning
 * subgraph over graphql-ws (an {@link UpstreamFeed}), and for each event the rest of the plan runs through the
 * gateway's executor (a {@link SharedExecution}) into each client's bounded queue (a {@link ClientSubscription}).
 * Identical subscriptions with the same credentials share the feed and the execution.
 */
export class FederatedSubscriptions {
  private planner: SupergraphPlanner | undefined;
  private readonly executions = new Map<string, SharedExecution>();
  private readonly feeds = new Map<string, UpstreamFeed>();
  private readonly connections: UpstreamConnections;

  constructor(private readonly options: FederatedSubscriptionsOptions) {
    this.connections = new UpstreamConnections({
      webSocketUrl: (subgraph) => options.endpoints.webSocketUrl(subgraph),
      logger: options.logger,
    });
  }

  /** The client-facing schema subscriptions are validated against; undefined until a supergraph is loaded. */
  get apiSchema(): GraphQLSchema | undefined {
    return this.planner?.apiSchema;
  }

  /**
   * `gateway.onSchemaLoadOrUpdate`: plans from now on use the new supergraph, and every subscription planned
   * against the previous one ends with SUPERGRAPH_RELOADED, so its client resubscribes against the new graph.
   */
  readonly onSupergraph = ({ apiSchema, coreSupergraphSdl }: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }): void => {
    const previous = this.planner;
    this.planner = new SupergraphPlanner(coreSupergraphSdl, apiSchema);
    if (previous) {
      const ended = this.endAll({ errors: [SubscriptionEnd.supergraphReloaded()] });
      if (ended > 0) this.options.logger.info({ subscriptions: ended }, 'supergraph reloaded: subscriptions ended for clients to resubscribe');
    }
  };

  /** Starts a client's subscription (graphql-ws `subscribe`). */
  async subscribe(operation: WebSocketOperation<ClientSession>): Promise<SubscriptionOutcome> {
    const session = operation.connection.session;
    if (session.expired) return { errors: [SubscriptionEnd.tokenExpired()] };
    const planner = this.planner;
    // Validated against a schema that has just been replaced: plan nothing against the new one.
    if (!planner || planner.apiSchema !== operation.schema) return { errors: [SubscriptionEnd.supergraphReloaded()] };
    const plan = planner.plan(operation.query, operation.document, operation.operationName);

    const coerced = getVariableValues(planner.apiSchema, plan.operationContext.operation.variableDefinitions ?? [], { ...operation.variables });
    if (coerced.errors) return { errors: coerced.errors.map((error) => DomainError.badUserInput(error.message)) };

    const context: GatewayContext = { ...operation.info, viewer: session.viewer, partner: null };
    const credentials = forwardedCredentials(context);
    const executionKey = JSON.stringify([operation.operationName ?? null, operation.query, operation.variables, credentials.fingerprint]);
    let execution = this.executions.get(executionKey);
    if (!execution) {
      const upstreamVariables: Record<string, unknown> = {};
      for (const name of plan.primary.variableUsages ?? []) {
        if (name in operation.variables) upstreamVariables[name] = operation.variables[name];
      }
      const feed = this.feedFor({
        subgraph: plan.subgraph,
        query: plan.primary.operation,
        operationName: plan.primary.operationName,
        variables: upstreamVariables,
        credentials,
        requestId: context.requestId,
      });
      execution = new SharedExecution(executionKey, {
        planner,
        plan,
        request: { query: operation.query, document: operation.document, operationName: operation.operationName, variables: operation.variables, context },
        feed,
        services: () => this.options.endpoints.dataSources(),
        metrics: this.options.metrics,
        concurrency: this.options.concurrency ?? DEFAULT_CONCURRENCY,
        backlogLimit: this.options.backlogLimit,
        onClosed: (closed) => {
          if (this.executions.get(closed.key) === closed) this.executions.delete(closed.key);
        },
      });
      this.executions.set(executionKey, execution);
    }
    const shared = execution;
    const subscription = new ClientSubscription(this.options.queueLimit, this.options.metrics, (left) => {
      shared.leave(left);
      session.subscriptions.delete(left);
    });
    shared.add(subscription);
    session.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends every subscription of a session (its token expired) with `reason` as their last result. */
  endSession(session: ClientSession, reason: DomainError): void {
    for (const subscription of [...session.subscriptions]) subscription.end({ errors: [reason] });
  }

  /** Ends every subscription (the gateway stops), then closes the sockets to the subgraphs. */
  async stop(): Promise<void> {
    this.endAll({ errors: [SubscriptionEnd.shuttingDown()] });
    await this.connections.closeAll();
  }

  private endAll(last: SubscriptionResult): number {
    let ended = 0;
    for (const execution of [...this.executions.values()]) {
      ended += execution.subscriberCount;
      execution.terminate(last);
    }
    this.executions.clear();
    return ended;
  }

  private feedFor(request: UpstreamRequest): UpstreamFeed {
    const key = UpstreamFeed.keyOf(request);
    const existing = this.feeds.get(key);
    if (existing && !existing.closed) return existing;
    const { metrics } = this.options;
    metrics.upstreams.inc();
    const feed = new UpstreamFeed(key, request, this.connections, (closed) => {
      metrics.upstreams.dec();
      if (this.feeds.get(closed.key) === closed) this.feeds.delete(closed.key);
    });
    this.feeds.set(key, feed);
    return feed;
  }
}
