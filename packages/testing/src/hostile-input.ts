import type { GraphQLResponse } from './graphql-request';

/** U+0000: PostgreSQL cannot store it in text, so every subgraph must refuse it before it reaches SQL. */
export const NUL = '\u0000';

/** `_entities` asking for `selection` of each representation, as the gateway sends it (and anyone can). */
export function entitiesQuery(selection = '__typename'): string {
  return `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
}

/**
 * Representations a subgraph must refuse with BAD_USER_INPUT, each at its own index of `_entities`: a type this
 * subgraph does not have, and an id of one of its entity types that is not a UUID.
 */
export function malformedRepresentations(typename: string): Array<Record<string, unknown>> {
  return [
    { __typename: 'NoSuchEntity', id: '6b0e6a2c-5a0e-4c7e-9a53-000000000001' },
    { __typename: typename, id: 'not-a-uuid' },
  ];
}

/** Each error's `extensions.code` by where it happened (`_entities.1`, `addAddress`), for compact assertions. */
export function errorCodesByPath(response: GraphQLResponse<unknown>): Record<string, string> {
  return Object.fromEntries((response.errors ?? []).map((error) => [(error.path ?? []).join('.'), String(error.extensions?.['code'])]));
}
