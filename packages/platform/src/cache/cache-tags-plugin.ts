import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { isObjectType, type ConstDirectiveNode, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/**
 * The response header a subgraph lists what it read in: space-separated tags the gateway's response cache files
 * the client's response under, so a domain event drops exactly the entries that hold what it changed.
 */
export const CACHE_TAGS_HEADER = 'x-cache-tags';

/** Beyond this many characters the tags collapse into `<subgraph>:*` (an HTTP header must stay small). */
export const MAX_CACHE_TAGS_LENGTH = 6_000;

/**
 * Tags what a subgraph's response holds:
 *
 * - `<subgraph>:<Type>:<id>` for every object of an **entity type keyed by `id` whose type carries a cacheable
 *   `@cacheControl(maxAge: N)`** hint (products: `products:Product:<id>`, `products:Category:<id>`; inventory:
 *   `inventory:Product:<id>` for stock; reviews: `reviews:Product:<id>` for reviews and rating). Values below
 *   such an object (Money, ProductInventory, a page of reviews) belong to it: the owner's events are about it.
 * - `<subgraph>:Query.<field>` for every root query field it answered (listings, lookups by slug, categories):
 *   a new or archived product changes which listings it is in, which no tag of a product can say.
 * - `<subgraph>:Query` for a mutation: the gateway drops every root read of the subgraph that made the change.
 *
 * Derived from the schema's own declarations, so a subgraph needs no configuration: what it may cache is what
 * it can be told to forget. Sent only when the response is cacheable, or answers a mutation (the gateway drops
 * what a mutation returned at once, so its caller reads its own write even before the event arrives).
 */
export function cacheTagsPlugin(subgraph: string): ApolloServerPlugin<BaseContext> {
  let taggedTypes = new Set<string>();
  return {
    async serverWillStart({ schema }) {
      taggedTypes = taggedTypeNames(schema);
    },
    async requestDidStart() {
      const tags = new Set<string>();
      // graphql-js resolves an object's fields one after the other: its tag is made for the first of them only,
      // not again for every field (a listing's product has five or more; issue #10, "Issue #10 (session
      // 2026-12-07 b)" in bench/README.md). An object met again later only adds its tag to the set again.
      let lastTagged: unknown = null;
      let lastTaggedType: unknown = null;
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, info }) {
              if (source === lastTagged && info.parentType === lastTaggedType) return;
              if (!info.path.prev) {
                const root = info.parentType.name;
                if (root === 'Query' && !info.fieldName.startsWith('_')) tags.add(`${subgraph}:Query.${info.fieldName}`);
                // A mutation may change what any root read of this subgraph answers (a new product is in listings).
                else if (root === 'Mutation') tags.add(`${subgraph}:Query`);
                return;
              }
              if (!taggedTypes.has(info.parentType.name)) return;
              const id = (source as { id?: unknown } | null)?.id;
              if (typeof id !== 'string') return;
              tags.add(`${subgraph}:${info.parentType.name}:${id.toLowerCase()}`);
              lastTagged = source;
              lastTaggedType = info.parentType;
            },
          };
        },
        async willSendResponse({ response, overallCachePolicy, operation }) {
          if (tags.size === 0) return;
          if (operation?.operation !== 'mutation' && !overallCachePolicy.policyIfCacheable()) return;
          let header = [...tags].join(' ');
          if (header.length > MAX_CACHE_TAGS_LENGTH) header = `${subgraph}:*`;
          response.http.headers.set(CACHE_TAGS_HEADER, header);
        },
      };
    },
  };
}

/** Object types with `@key(fields: "id")` and a `@cacheControl` hint with a max age above zero. */
export function taggedTypeNames(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const directives = directivesOf(type);
    const keyedById = directives.some((d) => d.name.value === 'key' && stringArgument(d, 'fields')?.trim() === 'id');
    const cacheable = directives.some((d) => d.name.value === 'cacheControl' && Number(intArgument(d, 'maxAge') ?? 0) > 0);
    if (keyedById && cacheable) names.add(type.name);
  }
  return names;
}

function directivesOf(type: GraphQLObjectType): ReadonlyArray<ConstDirectiveNode> {
  return [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === 'StringValue' ? value.value : undefined;
}

function intArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === 'IntValue' ? value.value : undefined;
}
