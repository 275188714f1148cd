import {
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Items a list without `first`/`last` (nor a default for them in the schema) is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;

export interface OperationCostOptions {
  /** Items assumed for a list whose size no argument bounds (GATEWAY_COST_DEFAULT_LIST_SIZE; default 10). */
  readonly defaultListSize?: number;
}

/**
 * The cost of one operation: **how many objects its answer can hold at most**. Each field of an object type
 * (or interface, union) costs 1 per object it can return; scalar and enum fields are free (they travel with
 * their object; the token and alias limits bound how many a document can name). A list multiplies what is
 * under it by its size: its own `first`/`last` argument, or for a Relay connection the `first`/`last` of the
 * connection field (passed to its `edges` and `nodes`), or the argument's default in the schema, or
 * `defaultListSize`. So `products(first: 100) { edges { node { reviews(first: 100) { … } } } }` costs about
 * 100 × 100 × what one review costs.
 *
 * - `first: $n` reads the request's variables (then the variable's default); a value that is not a whole
 *   number counts as absent (execution would refuse it anyway).
 * - `@skip`/`@include` with a known condition are obeyed; fragments count each time they are spread; the
 *   branches of an abstract type are summed (an upper bound). Unknown fields count 0: validation refuses them.
 * - Introspection (`__schema`, `__type`) costs 0: the gateway answers it from the schema it holds, and it has
 *   a switch of its own.
 * - Pure and deterministic: the same schema, document, variables and name give the same number. The rate
 *   limiter charges it against a caller's budget; the operation limits refuse it above GATEWAY_MAX_COST.
 *   Work is linear in the document: each fragment's cost is computed once per page size it is spread under.
 *
 * Returns 0 when the document has no operation of that name; never more than Number.MAX_SAFE_INTEGER.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  operationName?: string | null,
  options: OperationCostOptions = {},
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  const rootType = operation && schema.getRootType(operation.operation);
  if (!operation || !rootType) return 0;

  const values: Record<string, unknown> = { ...(variables ?? {}) };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk = new CostWalk(schema, fragments, values, options.defaultListSize ?? DEFAULT_LIST_SIZE);
  return Math.min(walk.selectionSet(operation.selectionSet, rootType, undefined), Number.MAX_SAFE_INTEGER);
}

class CostWalk {
  /** Fragment costs by `name:pageSize` (`pending` while being computed: a cycle, which validation refuses, costs 0). */
  private readonly fragmentCosts = new Map<string, number | 'pending'>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly defaultListSize: number,
  ) {}

  /** `pageSize`: the `first`/`last` of the connection field whose object this selection set reads. */
  selectionSet(set: SelectionSetNode, parentType: GraphQLCompositeType, pageSize: number | undefined): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        cost += this.field(selection, parentType, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : parentType;
        if (type) cost += this.selectionSet(selection.selectionSet, type, pageSize);
      } else {
        cost += this.fragment(selection.name.value, pageSize);
      }
    }
    return cost;
  }

  private field(node: FieldNode, parentType: GraphQLCompositeType, inheritedPageSize: number | undefined): number {
    const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    // Scalars and enums; the meta-fields (__typename, and __schema/__type, which the gateway answers from the
    // schema it holds, bounded by the schema's size: introspection has its own switch); an unknown field.
    if (!definition || !node.selectionSet) return 0;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 0;
    const ownPageSize = this.pageSizeArgument(node, definition);
    const isList = isListType(getNullableType(definition.type));
    const items = isList ? (ownPageSize ?? inheritedPageSize ?? this.defaultListSize) : 1;
    // A connection (an object with a page size) hands its size to the lists directly under it: edges, nodes.
    const childPageSize = isList ? undefined : ownPageSize;
    return items * (1 + this.selectionSet(node.selectionSet, type, childPageSize));
  }

  private fragment(name: string, pageSize: number | undefined): number {
    const key = `${name}:${pageSize ?? ''}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known === 'pending' ? 0 : known;
    const fragment = this.fragments.get(name);
    const type = fragment && this.compositeType(fragment.typeCondition.name.value);
    if (!fragment || !type) return 0;
    this.fragmentCosts.set(key, 'pending');
    const cost = this.selectionSet(fragment.selectionSet, type, pageSize);
    this.fragmentCosts.set(key, cost);
    return cost;
  }

  /** The client's `first` or `last` (literal or variable) when it gave a whole number; else the schema's default. */
  private pageSizeArgument(node: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
    // Hot: runs for every object field of every request. No allocation on the way.
    let schemaDefault: number | undefined;
    for (const argument of definition.args) {
      if (argument.name !== 'first' && argument.name !== 'last') continue;
      const given = node.arguments?.find((candidate) => candidate.name.value === argument.name);
      const value = given && valueFromAST(given.value, argument.type, this.variables);
      if (isWholeNumber(value)) return Math.max(0, value);
      if (schemaDefault === undefined && isWholeNumber(argument.defaultValue)) schemaDefault = Math.max(0, argument.defaultValue);
    }
    return schemaDefault;
  }

  private included(selection: SelectionSetNode['selections'][number]): boolean {
    if (!selection.directives?.length) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, selection, this.variables)?.['if'] === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, selection, this.variables)?.['if'] === false) return false;
    } catch {
      // A condition that does not coerce (validation refuses it): count the selection, the upper bound.
    }
    return true;
  }

  private compositeType(name: string): GraphQLCompositeType | undefined {
    const type = this.schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
