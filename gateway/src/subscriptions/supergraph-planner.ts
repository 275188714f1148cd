import { buildOperationContext } from '@apollo/gateway';
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/** The pseudo-subgraph that "answers" a subscription plan's primary fetch with the upstream event. */
export const EVENT_SERVICE = '__subscription_event__';

export type OperationContext = ReturnType<typeof buildOperationContext>;

/** How one subscription operation runs across the graph. */
export interface SubscriptionPlan {
  /** The subgraph that owns the subscription field: the one subscribed to. */
  readonly subgraph: string;
  /** What is subscribed upstream: the plan's primary fetch, with the variables it uses. */
  readonly primary: FetchNode;
  /**
   * What runs for every event: the primary fetch, answered by the event itself ({@link EVENT_SERVICE}), then
   * the rest of the plan (the entity fetches to the other subgraphs).
   */
  readonly perEvent: QueryPlan;
  readonly operationContext: OperationContext;
}

const PLAN_CACHE_SIZE = 1_000;

/**
 * Plans subscriptions against one supergraph (built from what `gateway.onSchemaLoadOrUpdate` hands over). A
 * new supergraph gets a new planner, so a plan never outlives the graph it was made for. Plans are cached by
 * operation text and name (least recently used beyond {@link PLAN_CACHE_SIZE}).
 */
export class SupergraphPlanner {
  /** The supergraph as a graphql-js schema, which `executeQueryPlan` reads. */
  readonly supergraphSchema: GraphQLSchema;
  /** The API schema as federation-internals models it, for planning and executing. */
  readonly executionApiSchema: Schema;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, SubscriptionPlan>();

  /**
   * @param coreSupergraphSdl the supergraph the gateway loaded (already validated by it)
   * @param apiSchema the gateway's client-facing schema, which operations are validated against
   */
  constructor(
    coreSupergraphSdl: string,
    readonly apiSchema: GraphQLSchema,
  ) {
    const supergraph = Supergraph.build(coreSupergraphSdl, { validateSupergraph: false });
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.executionApiSchema = supergraph.apiSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** The plan of a subscription operation (validated already); throws a GraphQLError if it cannot be planned. */
  plan(query: string, document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const key = `${operationName ?? ''}\0${query}`;
    const cached = this.plans.get(key);
    if (cached) {
      this.plans.delete(key);
      this.plans.set(key, cached);
      return cached;
    }
    const plan = this.build(document, operationName);
    this.plans.set(key, plan);
    if (this.plans.size > PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value as string);
    return plan;
  }

  private build(document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const operation = operationFromDocument(this.executionApiSchema, document, operationName ? { operationName } : {});
    const queryPlan = this.planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error(`Expected a subscription plan, got ${node?.kind ?? 'an empty plan'}`);
    const { primary, rest } = node;
    const answeredByEvent: FetchNode = { ...primary, serviceName: EVENT_SERVICE };
    return {
      subgraph: primary.serviceName,
      primary,
      perEvent: {
        kind: 'QueryPlan',
        node: rest ? { kind: 'Sequence', nodes: [answeredByEvent, rest] } : answeredByEvent,
      },
      operationContext: buildOperationContext({
        schema: this.apiSchema,
        operationDocument: document,
        ...(operationName ? { operationName } : {}),
      }),
    };
  }
}
