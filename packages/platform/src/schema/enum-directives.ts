import { Kind, parse, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/**
 * Directives for enum types and their values, by schema coordinate: `ProductSort` or `ProductSort.NEWEST`
 * to a list of directive applications such as PARTNER_TAG.
 */
export type EnumDirectives = Readonly<Record<string, ReadonlyArray<string>>>;

/**
 * Adds directives to enums in printed SDL. type-graphql's `registerEnumType` takes none (only descriptions and
 * deprecations), yet an enum value must carry `@tag` to be in a contract; the SDL is the one place to add it.
 * A coordinate naming no enum or value is a mistake, and refused rather than silently ignored.
 */
export function withEnumDirectives(typeDefs: DocumentNode, directives: EnumDirectives): DocumentNode {
  const unused = new Set(Object.keys(directives));
  const applied = (coordinate: string, existing: ReadonlyArray<ConstDirectiveNode> = []) => {
    const extra = directives[coordinate];
    if (!extra) return existing;
    unused.delete(coordinate);
    return [...existing, ...extra.map(parseDirective)];
  };
  const result = visit(typeDefs, {
    [Kind.ENUM_TYPE_DEFINITION]: (node) => ({
      ...node,
      directives: applied(node.name.value, node.directives),
      values: node.values?.map((value) => ({
        ...value,
        directives: applied(`${node.name.value}.${value.name.value}`, value.directives),
      })),
    }),
  });
  if (unused.size > 0) throw new Error(`enum directives name no enum or enum value: ${[...unused].join(', ')}`);
  return result;
}

function parseDirective(application: string): ConstDirectiveNode {
  const definition = parse(`enum E ${application} { V }`).definitions[0];
  const directive = definition?.kind === Kind.ENUM_TYPE_DEFINITION ? definition.directives?.[0] : undefined;
  if (!directive) throw new Error(`not a directive application: ${application}`);
  return directive;
}
