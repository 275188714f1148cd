import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * One subgraph fetch as the plan executor sends it, rewritten so that it can share ONE operation with other
 * fetches to the same subgraph: every root field aliased `_c<i>_<response name>`, every variable renamed
 * `c<i>_<name>`, every fragment renamed `c<i>_<name>` — prefixes, so no two parts can clash whatever their
 * names (a prefix carrying the part's index is injective). Computed once per fetch operation and index.
 */
interface RewrittenPart {
  readonly variableDefinitions: ReadonlyArray<string>;
  readonly selections: ReadonlyArray<string>;
  readonly fragments: ReadonlyArray<string>;
  /** Original variable name → its name in the merged operation. */
  readonly variables: ReadonlyMap<string, string>;
}

export interface MergedOperation {
  readonly query: string;
  readonly operationName: string;
  /** The merged operation's variables, from each part's own. */
  variablesFor(parts: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>): Record<string, unknown>;
}

export interface SubgraphAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<GraphQLFormattedError>;
}

const ROOT_ALIAS = /^_c(\d+)_(.*)$/s;
const CACHE_LIMIT = 2_000;

/** The operation of a fetch that may be merged: a single query, no operation directives, only fields at its root. */
export function mergeableQuery(document: DocumentNode): OperationDefinitionNode | undefined {
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (operation) return undefined;
      operation = definition;
    } else if (definition.kind !== Kind.FRAGMENT_DEFINITION) {
      return undefined;
    }
  }
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return undefined;
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD) ? operation : undefined;
}

function rewritePart(document: DocumentNode, operation: OperationDefinitionNode, index: number): RewrittenPart {
  const prefix = `c${index}_`;
  const variables = new Map<string, string>();
  for (const definition of operation.variableDefinitions ?? []) {
    variables.set(definition.variable.name.value, `${prefix}${definition.variable.name.value}`);
  }
  const renamed = visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: `${prefix}${node.name.value}` } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: `${prefix}${node.name.value}` } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: `${prefix}${node.name.value}` } }),
  });
  const renamedOperation = renamed.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return {
    variableDefinitions: (renamedOperation.variableDefinitions ?? []).map((definition) => print(definition)),
    selections: (renamedOperation.selectionSet.selections as ReadonlyArray<FieldNode>).map((field) =>
      print({ ...field, alias: { kind: Kind.NAME, value: `_c${index}_${(field.alias ?? field.name).value}` } }),
    ),
    fragments: renamed.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => print(definition)),
    variables,
  };
}

/**
 * Merges fetches to one subgraph into one operation, and splits its answer back. Everything derived from the
 * operations' text (parsing, renaming, printing the merged operation) is cached: a plan sends the same fetch
 * operations on every request, so only the variables are new.
 */
export class OperationMerger {
  private readonly documents = new Map<string, { document: DocumentNode; operation: OperationDefinitionNode } | null>();
  private readonly parts = new Map<string, RewrittenPart>();
  private readonly merged = new Map<string, MergedOperation>();

  /** The fetch's query as a mergeable operation, or undefined when it must travel alone. */
  mergeable(query: string): boolean {
    return this.documentOf(query) !== null;
  }

  merge(queries: ReadonlyArray<string>, operationName: string | undefined): MergedOperation {
    const key = `${operationName ?? ''}\u0000${queries.join('\u0000')}`;
    let merged = this.merged.get(key);
    if (!merged) {
      merged = this.build(queries, operationName);
      remember(this.merged, key, merged);
    }
    return merged;
  }

  private build(queries: ReadonlyArray<string>, operationName: string | undefined): MergedOperation {
    const parts = queries.map((query, index) => this.partOf(query, index));
    const definitions = parts.flatMap((part) => part.variableDefinitions);
    const name = `${operationName ?? 'Coalesced'}__merged_${parts.length}`;
    const query = [
      `query ${name}${definitions.length ? `(${definitions.join(', ')})` : ''} {`,
      ...parts.flatMap((part) => part.selections),
      '}',
      ...parts.flatMap((part) => part.fragments),
    ].join('\n');
    return {
      query,
      operationName: name,
      variablesFor(values) {
        const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        parts.forEach((part, index) => {
          const own = values[index];
          if (!own) return;
          for (const [original, renamed] of part.variables) if (original in own) variables[renamed] = own[original];
        });
        return variables;
      },
    };
  }

  private documentOf(query: string): { document: DocumentNode; operation: OperationDefinitionNode } | null {
    let entry = this.documents.get(query);
    if (entry === undefined) {
      try {
        const document = parse(query, { noLocation: true });
        const operation = mergeableQuery(document);
        entry = operation ? { document, operation } : null;
      } catch {
        entry = null; // the subgraph will say what is wrong with it, alone
      }
      remember(this.documents, query, entry);
    }
    return entry;
  }

  private partOf(query: string, index: number): RewrittenPart {
    const key = `${index}\u0000${query}`;
    let part = this.parts.get(key);
    if (!part) {
      const entry = this.documentOf(query);
      if (!entry) throw new Error('Internal error: a fetch that cannot be merged was merged.');
      part = rewritePart(entry.document, entry.operation, index);
      remember(this.parts, key, part);
    }
    return part;
  }
}

/**
 * The answer each part would have had alone: its own root fields under their own names, the errors whose path
 * starts in one of its fields (that path renamed back), and the errors without such a path — which concern the
 * request as a whole — given to every part, as each part alone would have received them.
 */
export function splitAnswer(answer: SubgraphAnswer, partCount: number): Array<{ data: Record<string, unknown>; errors?: GraphQLFormattedError[] }> {
  const results = Array.from({ length: partCount }, () => ({ data: Object.create(null) as Record<string, unknown>, errors: undefined as GraphQLFormattedError[] | undefined }));
  for (const [alias, value] of Object.entries(answer.data ?? {})) {
    const match = ROOT_ALIAS.exec(alias);
    const index = match ? Number(match[1]) : -1;
    if (match && index < partCount) (results[index] as { data: Record<string, unknown> }).data[match[2] as string] = value;
  }
  for (const error of answer.errors ?? []) {
    const head = error.path?.[0];
    const match = typeof head === 'string' ? ROOT_ALIAS.exec(head) : null;
    const index = match ? Number(match[1]) : -1;
    if (match && index < partCount) {
      const result = results[index] as { errors?: GraphQLFormattedError[] };
      (result.errors ??= []).push({ ...error, path: [match[2] as string, ...(error.path as ReadonlyArray<string | number>).slice(1)] });
    } else {
      for (const result of results) (result.errors ??= []).push(error);
    }
  }
  return results.map((result) => (result.errors ? result : { data: result.data }));
}

/** Whether every part's root fields came back: otherwise the merged operation failed as a whole. */
export function answeredEveryPart(answer: SubgraphAnswer, partCount: number): boolean {
  if (answer.data === null || typeof answer.data !== 'object') return false;
  const answered = new Set<number>();
  for (const alias of Object.keys(answer.data)) {
    const match = ROOT_ALIAS.exec(alias);
    if (match) answered.add(Number(match[1]));
  }
  return answered.size === partCount;
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  // Plans are few and stable; a bound keeps a stream of distinct operations from growing memory forever.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}
