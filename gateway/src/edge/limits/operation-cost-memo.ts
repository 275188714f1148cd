import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { CostedOperation, OperationCostOf } from '../rate-limits/operation-cost-of';
import { operationCost, type OperationCostOptions } from './operation-cost';

interface Remembered {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly cost: number;
}

/**
 * `operationCost`, computed once where it was computed twice a request: the cost limit (operation-limits-plugin)
 * and the rate limits' budget (edge/rate-limits) both price every HTTP request in `didResolveOperation`
 * (issue #10, bench/README.md "Issue #10 (session 2026-12-07 b)"). The cost is pure (the same schema, document,
 * variables and name give the same number), so:
 *
 * - without variables it depends on the document alone, which Apollo Server parses once per text and hands
 *   over as the same object: remembered per document (and schema) for as long as the document lives;
 * - with variables it is remembered per variables object, which both plugins read from the same request (a
 *   request's own JSON): the second asker of that request gets the first's answer.
 *
 * Weakly held both ways: nothing here outlives the documents and requests it describes. `compute` is the
 * calculator remembered (tests count its calls).
 */
export function memoizedOperationCost(options: OperationCostOptions = {}, compute: typeof operationCost = operationCost): OperationCostOf {
  const byDocument = new WeakMap<DocumentNode, Remembered[]>();
  const byVariables = new WeakMap<object, Remembered>();
  return ({ schema, document, variables, operationName }: CostedOperation) => {
    const withVariables = variables !== undefined && variables !== null && Object.keys(variables).length > 0;
    const known = withVariables ? [byVariables.get(variables)] : byDocument.get(document);
    const same = known?.find((entry) => entry !== undefined && entry.schema === schema && entry.document === document && entry.operationName === operationName);
    if (same) return same.cost;
    const remembered: Remembered = { schema, document, operationName, cost: compute(schema, document, variables, operationName, options) };
    if (withVariables) byVariables.set(variables, remembered);
    // A document has one or a few operations; a supergraph reload brings a new schema (the old entries stay
    // until the document is dropped: Apollo's document cache is per schema).
    else byDocument.set(document, [...(known ?? []).filter((entry): entry is Remembered => entry !== undefined).slice(-3), remembered]);
    return remembered.cost;
  };
}
