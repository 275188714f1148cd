import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Refuses an operation whose root type the schema lacks, as a validation error. graphql 16 leaves it to
 * execution ("Schema is not configured to execute mutation operation."), but a gateway does not execute: its
 * query planner throws, and the caller got a 500. The partner contract has no Mutation and no Subscription,
 * so every mutation a partner sends met that. (graphql 17 validates this with its KnownOperationTypesRule.)
 */
export function KnownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`Schema is not configured to execute ${node.operation} operation.`, { nodes: node }));
      }
    },
  };
}
