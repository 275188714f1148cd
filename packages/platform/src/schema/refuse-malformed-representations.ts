import { isUnionType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { DomainError } from '../errors/domain-error';
import { isUuid } from '../text/uuid';

/**
 * Makes `_entities` answer BAD_USER_INPUT for a representation this subgraph cannot be asked about: not an
 * object, a `__typename` that is not one of its entity types, or an `id` that is not a UUID (every entity id of
 * the graph is one). The error is that representation's own (`_entities.<index>`, null in the list); the rest
 * of the batch resolves as before, as the gateway expects of a batch.
 *
 * Why here, once: `_entities` can be called directly by anyone who reaches a subgraph. @apollo/subgraph throws
 * a plain Error for an unknown type (masked as INTERNAL_SERVER_ERROR, and failing the whole batch), and a
 * malformed id reached each reference resolver, which had to remember to check it or fail in PostgreSQL
 * (issue #9). Mutates `schema`, which its builder just made.
 */
export function refuseMalformedRepresentations(schema: GraphQLSchema): void {
  const entityUnion = schema.getType('_Entity');
  const entities = schema.getQueryType()?.getFields()['_entities'];
  if (!isUnionType(entityUnion) || !entities?.resolve) return;
  const entityTypes: ReadonlySet<string> = new Set(entityUnion.getTypes().map((type) => type.name));
  const resolve: GraphQLFieldResolver<unknown, unknown> = entities.resolve;

  entities.resolve = async (source, args: { representations: unknown[] }, context, info) => {
    const problems = args.representations.map((representation, index) => representationProblem(representation, index, entityTypes));
    if (problems.every((problem) => problem === null)) return resolve(source, args, context, info);
    const wellFormed = args.representations.filter((_, index) => problems[index] === null);
    const resolved = wellFormed.length > 0 ? ((await resolve(source, { ...args, representations: wellFormed }, context, info)) as unknown[]) : [];
    let next = 0;
    // graphql-js turns an Error item of a list into that item's error, located at its index.
    return problems.map((problem) => problem ?? resolved[next++]);
  };
}

function representationProblem(representation: unknown, index: number, entityTypes: ReadonlySet<string>): DomainError | null {
  const at = `representations[${index}]`;
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) {
    return DomainError.badUserInput(`${at} must be an object with a __typename.`, at);
  }
  const { __typename: typename, id } = representation as { __typename?: unknown; id?: unknown };
  if (typeof typename !== 'string' || !entityTypes.has(typename)) {
    return DomainError.badUserInput(`${at}.__typename does not name an entity type of this subgraph.`, `${at}.__typename`);
  }
  if (id !== undefined && !isUuid(id)) {
    return DomainError.badUserInput(`${at}.id is not a UUID; every entity id of the graph is one.`, `${at}.id`);
  }
  return null;
}
