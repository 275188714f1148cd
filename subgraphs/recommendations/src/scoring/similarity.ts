/**
 * How two products' co-purchases become a score (README.md, *Scoring*): **cosine similarity of the products'
 * order vectors, shrunk toward zero when the evidence is thin**.
 *
 *   score(p, q) = c(p,q) / sqrt(n(p) · n(q)) · c(p,q) / (c(p,q) + SHRINKAGE)
 *
 * c(p,q) is the number of paid orders holding both, n(x) the number of paid orders holding x. Dividing by
 * sqrt(n(q)) is the popularity penalty: a best-seller that lands in every basket has a large c(p,q) with
 * everything, and an equally large n(q), so it does not top every list the way a raw co-occurrence count
 * (P(q|p)) would. The shrinkage keeps one coincidental basket with a rarely sold product (c = 1, n(q) = 1,
 * cosine as high as a real bundle's) below pairs seen together again and again.
 */
export const SHRINKAGE = 2;

/**
 * The score of a `co_purchase` row `co` joined to `product_orders` of its product (`np`) and of its partner
 * (`nq`), as SQL. Every ranking of this subgraph uses this one expression (alsoBought, a customer's
 * recommendations, and the offline benchmark through them).
 */
export const COSINE_SCORE_SQL = `("co"."orders"::float8 / sqrt("np"."orders"::float8 * "nq"."orders"::float8)) * ("co"."orders"::float8 / ("co"."orders" + ${SHRINKAGE}))`;

/** How much a product's standing in the customer's categories adds (its sales over its category's best, times the share of the customer's purchases there). */
export const CATEGORY_WEIGHT = 0.3;

/** How much a product's standing among all best-sellers adds (its sales over the best-seller's). */
export const POPULAR_WEIGHT = 0.1;

/**
 * A customer's score of a candidate, over its summed parts: co-purchase similarity to what they bought and
 * viewed (each in 0..1 per seed), category affinity and overall popularity (each in 0..1, weighted down so a
 * product bought with theirs comes first, and a best-seller of their category before one of another).
 */
export const CUSTOMER_SCORE = `(sum("similar_score") + ${CATEGORY_WEIGHT} * sum("category_score") + ${POPULAR_WEIGHT} * sum("popular_score"))`;
