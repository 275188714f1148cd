import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The root mutations that take a secret (a password, a refresh token) and answer with a session: each call is
 * one guess, so they have a budget of their own per client (schema/api.graphql, `Mutation`).
 */
export const CREDENTIAL_MUTATIONS: ReadonlySet<string> = new Set(['logIn', 'signUp', 'refreshSession']);

/**
 * How many credential mutations one operation makes: every root field counts, however it is reached (aliases,
 * inline fragments, fragment spreads), so `a: logIn(…) b: logIn(…) …` in one request is as many guesses as it
 * has fields, not one.
 */
export function credentialAttemptsIn(operation: OperationDefinitionNode | undefined, document: DocumentNode): number {
  if (operation?.operation !== 'mutation') return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const count = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let attempts = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (CREDENTIAL_MUTATIONS.has(selection.name.value)) attempts += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        attempts += count(selection.selectionSet, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation refuses cycles before this runs; `seen` keeps an invalid document from looping anyway.
        if (fragment && !seen.has(name)) attempts += count(fragment.selectionSet, new Set([...seen, name]));
      }
    }
    return attempts;
  };
  return count(operation.selectionSet, new Set());
}
