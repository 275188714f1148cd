import {
  baseType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type NamedType,
  type Schema,
  type SchemaElement,
} from '@apollo/federation-internals';

/**
 * Any element a contract can leave out. federation-internals types an element by its own and its parent's
 * types; the contract rules treat every element alike.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ContractElement = SchemaElement<any, any>;

export interface ContractRules {
  /** Whether the element carries the contract's tag. */
  readonly isTagged: (element: ContractElement) => boolean;
  /** Built-in, introspection and link/join types: never the contract's business. */
  readonly isFederationMachinery: (type: NamedType) => boolean;
}

export interface ContractExclusions {
  /** Elements to hide: types, fields, arguments, input fields, enum values. */
  readonly elements: ReadonlySet<ContractElement>;
  /** Why the tags make no contract at all (e.g. no query field is tagged). */
  readonly problems: ReadonlyArray<string>;
}

/**
 * Which elements of the supergraph a contract that INCLUDES only tagged elements leaves out — Apollo's contract
 * rules for an include filter (GraphOS docs, "Contract reference"):
 * - a field, argument, input field or enum value is in the contract when it carries the tag, or when the type
 *   it belongs to does (a tagged type tags all its members);
 * - an object, interface, input or enum type with no member left is out; so is a union with no member type left;
 * - a type nothing in the contract reaches from the root types is out ("hide unreachable types"); reaching an
 *   interface reaches the object types that implement it, since a field of that interface may return them.
 * What the rules leave inconsistent (a tagged field returning a type with no tagged field, an untagged required
 * argument on a tagged field) is not repaired here: the API schema's own @inaccessible checks refuse it, naming
 * it, as GraphOS refuses such a contract.
 */
export function contractExclusions(schema: Schema, rules: ContractRules): ContractExclusions {
  const excluded = new Set<ContractElement>();
  const types = schema.types().filter((type) => !rules.isFederationMachinery(type));
  const isIn = (element: ContractElement) => !excluded.has(element);

  for (const type of types) {
    const wholeType = rules.isTagged(type);
    const members: ContractElement[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of type.fields()) {
        members.push(field);
        for (const argument of field.arguments()) if (!rules.isTagged(argument)) excluded.add(argument);
      }
    } else if (isInputObjectType(type)) {
      members.push(...type.fields());
    } else if (isEnumType(type)) {
      members.push(...type.values);
    } else {
      continue; // unions and scalars have no taggable members: see below and reachability
    }
    for (const member of members) if (!wholeType && !rules.isTagged(member)) excluded.add(member);
    if (members.every((member) => excluded.has(member))) excluded.add(type);
  }
  for (const type of types) {
    if (isUnionType(type) && type.types().every((member) => excluded.has(member))) excluded.add(type);
  }

  const problems: string[] = [];
  const query = schema.schemaDefinition.rootType('query');
  if (!query || excluded.has(query)) problems.push('no field of the query type is in the contract: tag at least one');

  const reached = reachable(schema, isIn);
  for (const type of types) if (!excluded.has(type) && !reached.has(type.name)) excluded.add(type);
  return { elements: excluded, problems };
}

/** The names of the types the contract's root types reach through the elements still in it. */
function reachable(schema: Schema, isIn: (element: ContractElement) => boolean): ReadonlySet<string> {
  const seen = new Set<string>();
  const pending: NamedType[] = [];
  const visit = (type: NamedType) => {
    if (!seen.has(type.name) && isIn(type)) {
      seen.add(type.name);
      pending.push(type);
    }
  };
  for (const root of schema.schemaDefinition.roots()) visit(root.type);
  for (let type = pending.pop(); type; type = pending.pop()) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of type.fields().filter(isIn)) {
        visit(baseType(field.type!));
        for (const argument of field.arguments().filter(isIn)) visit(baseType(argument.type!));
      }
      if (isInterfaceType(type)) for (const implementation of type.possibleRuntimeTypes()) visit(implementation);
    } else if (isInputObjectType(type)) {
      for (const field of type.fields().filter(isIn)) visit(baseType(field.type!));
    } else if (isUnionType(type)) {
      for (const member of type.types()) visit(member);
    }
  }
  return seen;
}
