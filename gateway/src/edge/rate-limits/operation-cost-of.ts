import type { DocumentNode, GraphQLSchema } from 'graphql';

/** What the cost of an operation is computed from (the arguments of edge/limits' `operationCost`). */
export interface CostedOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName: string | undefined;
}

/**
 * The cost of an operation, which its caller's budget pays for (one point per started GATEWAY_RATE_LIMIT_COST_PER_POINT,
 * at least 1). Injected rather than computed here: the operation limits own the one cost calculator
 * (edge/limits/operation-cost.ts), and the budget must price a query exactly as the cost limit does.
 */
export type OperationCostOf = (operation: CostedOperation) => number;
