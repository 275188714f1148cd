/**
 * Cache hints, declared in the schema (Apollo's `@cacheControl`): each subgraph's Apollo Server computes the
 * policy of a response from them (the most restrictive hint wins; a field returning an object without a hint
 * is uncacheable) and sends it as `Cache-Control`; the gateway folds every subgraph's header into the policy of
 * the client's response, and its response cache obeys that (gateway/README.md, *Response cache*).
 *
 * Use the constants, not literals, so the catalog's max age is one number.
 */

/** How long a public catalog answer may be kept at most. Events drop entries sooner; this bounds everything else. */
export const CATALOG_MAX_AGE_SECONDS = 60;

/** Public catalog data (an entity type, or a root field): anyone may be served it, for CATALOG_MAX_AGE_SECONDS. */
export const CACHE_PUBLIC = `@cacheControl(maxAge: ${CATALOG_MAX_AGE_SECONDS})`;

/** A value type or a connection: as cacheable as the field that returned it (Money, PageInfo, edges, ratings). */
export const CACHE_INHERIT = '@cacheControl(inheritMaxAge: true)';

/**
 * Public, but changed by something no event reports: never cached, so never stale. Drop it for a field once its
 * owner emits an event for every change of it (and the gateway maps that event to tags).
 */
export const CACHE_NEVER = '@cacheControl(maxAge: 0)';

/**
 * About one signed-in user (a customer, their orders, payments, addresses, or an answer that depends on who
 * asks): never shared. Without a max age it is not cached at all, which is what we want until the data has
 * events to invalidate it by.
 */
export const CACHE_PRIVATE = '@cacheControl(scope: PRIVATE)';

/**
 * The definitions every subgraph's SDL carries (buildFederatedSchema adds them). The scope enum is
 * `@inaccessible`: it composes into the supergraph but is no part of the client-facing API.
 */
export const CACHE_CONTROL_DEFINITIONS = `enum CacheControlScope @inaccessible {
  PUBLIC
  PRIVATE
}

directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;
