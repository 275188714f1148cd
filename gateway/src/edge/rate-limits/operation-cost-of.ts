import type { DocumentNode, GraphQLSchema } from 'graphql';

/** What the cost of an operation is computed from (the arguments of edge/limits' `operationCost`). */
export interface CostedOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName: string | undefined;
}

/**
 * How many points an operation spends from its caller's budget. Injected rather than computed here: the operation
 * limits own the one cost calculator (edge/limits/operation-cost.ts), and the budget must price a query exactly as
 * the cost limit does. Rounded up; at least 1.
 */
export type OperationCostOf = (operation: CostedOperation) => number;

/** Every operation costs one point: the budgets count requests (until a cost calculator is wired in). */
export const unitCost: OperationCostOf = () => 1;
