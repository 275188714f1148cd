import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { SubscriptionResult } from '@techally/platform';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context';
import { EVENT_SERVICE, type SubscriptionPlan, type SupergraphPlanner } from './supergraph-planner';

/** An upstream subgraph's `next` payload: the primary fetch's answer for one event. */
export interface UpstreamEvent {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<GraphQLFormattedError>;
  readonly extensions?: Record<string, unknown>;
}

/** One subscription's execution inputs, fixed for its life. */
export interface ExecutionRequest {
  readonly query: string;
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Forwarded by the data sources: the client's Authorization and the request id. */
  readonly context: GatewayContext;
}

type RequestContext = Parameters<typeof executeQueryPlan>[2];

/**
 * Runs the rest of a subscription's plan for one event through Apollo Gateway's own `executeQueryPlan`: the
 * primary fetch is answered by the event, the entity fetches go to the other subgraphs through the gateway's
 * data sources. Errors of any fetch come back with the data that did resolve; an error of the event itself is
 * attributed to the subgraph that sent it. Never throws: one bad event must not end the subscription.
 */
export async function executeEvent(
  planner: SupergraphPlanner,
  plan: SubscriptionPlan,
  request: ExecutionRequest,
  event: UpstreamEvent,
  services: ServiceMap,
): Promise<SubscriptionResult> {
  const eventSource: GraphQLDataSource = { process: async () => ({ ...event, errors: event.errors ? [...event.errors] : undefined }) };
  const serviceMap: ServiceMap = Object.assign(Object.create(null) as ServiceMap, services, { [EVENT_SERVICE]: eventSource });
  try {
    const result = await executeQueryPlan(
      plan.perEvent,
      serviceMap,
      requestContext(planner, plan, request),
      plan.operationContext,
      planner.supergraphSchema,
      planner.executionApiSchema,
    );
    const { errors, ...rest } = result;
    return errors?.length ? { ...rest, errors: errors.map((error) => attributed(error, plan.subgraph)) } : rest;
  } catch (error) {
    request.context.logger.error({ err: error }, 'subscription event execution failed');
    return { errors: [new GraphQLError('The event could not be executed.', { originalError: error as Error })] };
  }
}

/** The error as the client sees it, naming the real subgraph where the event's pseudo-service stood. */
function attributed(error: GraphQLError, subgraph: string): GraphQLError | GraphQLFormattedError {
  if (error.extensions['serviceName'] !== EVENT_SERVICE) return error;
  const formatted = error.toJSON();
  return { ...formatted, extensions: { ...formatted.extensions, serviceName: subgraph } };
}

/**
 * The slice of Apollo's request context `executeQueryPlan` and the data sources read. `metrics` must be an
 * object: on a subgraph error the executor records `metrics.nonFtv1ErrorPaths` (README.md, Design decisions).
 */
function requestContext(planner: SupergraphPlanner, plan: SubscriptionPlan, request: ExecutionRequest): RequestContext {
  return {
    request: { query: request.query, variables: { ...request.variables }, ...(request.operationName ? { operationName: request.operationName } : {}) },
    context: request.context,
    logger: request.context.logger,
    metrics: {},
    schema: planner.apiSchema,
    document: request.document,
    source: request.query,
    operationName: request.operationName ?? null,
    operation: plan.operationContext.operation,
    cache: undefined,
    overallCachePolicy: undefined,
  } as unknown as RequestContext;
}
