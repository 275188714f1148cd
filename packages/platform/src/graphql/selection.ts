import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the operation selects `path` below the field being resolved, through fragments and inline fragments
 * and whatever the aliases: `selects(info, ['edges', 'node', 'category'])` in a connection's resolver. For a
 * resolver that can answer more in the same statement (a join, a count) when, and only when, it is asked for.
 *
 * `@skip` / `@include` are not evaluated: a field that may be selected counts as selected, so the worst case is
 * a prefetch nobody reads, never a missing answer.
 */
export function selects(info: GraphQLResolveInfo, path: ReadonlyArray<string>): boolean {
  let level: ReadonlyArray<FieldNode> = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const field of level) if (field.selectionSet) collectFields(field.selectionSet, name, info, next, new Set());
    if (next.length === 0) return false;
    level = next;
  }
  return true;
}

function collectFields(
  selectionSet: SelectionSetNode,
  name: string,
  info: GraphQLResolveInfo,
  into: FieldNode[],
  visitedFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) into.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(selection.selectionSet, name, info, into, visitedFragments);
    } else {
      const fragmentName = selection.name.value;
      const fragment = info.fragments[fragmentName];
      // A fragment spread twice is read once (validation already refuses cycles).
      if (!fragment || visitedFragments.has(fragmentName)) continue;
      visitedFragments.add(fragmentName);
      collectFields(fragment.selectionSet, name, info, into, visitedFragments);
    }
  }
}
