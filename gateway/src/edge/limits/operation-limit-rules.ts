import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { operationLimitExceeded, type OperationLimitName } from './operation-limit-error';
import type { OperationLimits } from './operation-limits-config';

/** graphql-armor says "…limit of N exceeded, found M."; M is the operation's value. */
const FOUND = /found (\d+)\.?$/;

/**
 * graphql-armor's depth, aliases and directives rules (`@escape.tech/graphql-armor-max-*`), run by graphql's
 * `validate` beside its own rules: once per document text over HTTP (Apollo caches validated documents), on
 * every subscribe over WebSocket. A refusal is reported as OPERATION_LIMIT_EXCEEDED with the figures, not
 * thrown (armor's default throw would escape `validate` and become a 500).
 *
 * Depth counts fields, not fragments (`flattenFragments`): the generated clients spread fragments freely, and
 * a spread adds no work. `__typename` aliases are free (armor's allow-list); introspection is not counted
 * (introspection has its own switch).
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const refusal = (limit: OperationLimitName, maximum: number) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = FOUND.exec(error.message);
        context?.reportError(operationLimitExceeded(limit, maximum, found ? Number(found[1]) : undefined));
      },
    ],
  });
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...refusal('depth', limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...refusal('aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refusal('directives', limits.maxDirectives) }),
  ] as ValidationRule[];
}
