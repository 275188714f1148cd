import { TABLES } from '../database';
import { uuidArray, type SqlExecutor } from '../sql-executor';
import { COSINE_SCORE_SQL, CUSTOMER_SCORE } from './similarity';

/** The most recently viewed products of a customer that seed their recommendations. */
export const VIEWED_SEEDS = 20;

/** A viewed product seeds a customer's recommendations at this weight; a bought one at 1. */
export const VIEW_WEIGHT = 0.5;

/** The partners of the products `p` of a query, scored; `?` is the product. */
const PARTNERS = `
  select "co"."other_id" as "product_id", ${COSINE_SCORE_SQL} as "score"
  from ${TABLES.coPurchase} "co"
  join ${TABLES.productOrders} "np" on "np"."product_id" = "co"."product_id"
  join ${TABLES.productOrders} "nq" on "nq"."product_id" = "co"."other_id"`;

/** A product that may be recommended: not known to be archived. */
const LISTED = (column: string) => `not exists (select 1 from ${TABLES.product} "gone" where "gone"."product_id" = ${column} and "gone"."archived")`;

/**
 * The ranking statements (README.md, *Scoring*): each answers in one statement, whatever the number of products
 * asked, from the counts the consumer keeps. Candidates come in tiers — co-purchase partners scored by
 * {@link COSINE_SCORE_SQL} (tier 0), then the best-sellers of the same category (tier 1), then (for customers)
 * the best-sellers overall (tier 2) — so a new product or customer still gets an answer and a known one gets
 * its partners first.
 */
export class RecommendationQueries {
  constructor(private readonly sql: SqlExecutor) {}

  /**
   * Up to `first` products bought with each of `productIds`, best first: never the product itself, never an
   * archived one. One statement for the whole batch (a listing asking `alsoBought` of every product).
   */
  async alsoBought(productIds: ReadonlyArray<string>, first: number): Promise<Map<string, string[]>> {
    const rows: Array<{ source_id: string; product_id: string }> = await this.sql.execute(
      `select "s"."source_id", "r"."product_id"
       from unnest(?::uuid[]) with ordinality as "s"("source_id", "position")
       cross join lateral (
         select "product_id", "tier", "score" from (
           select distinct on ("product_id") "product_id", "tier", "score" from (
             select "partner"."product_id", 0 as "tier", "partner"."score"
             from (${PARTNERS} where "co"."product_id" = "s"."source_id") "partner"
             union all
             select "peer"."product_id", 1, "sold"."orders"::float8
             from ${TABLES.product} "self"
             join ${TABLES.product} "peer" on "peer"."category_id" = "self"."category_id" and not "peer"."archived"
             join ${TABLES.productOrders} "sold" on "sold"."product_id" = "peer"."product_id"
             where "self"."product_id" = "s"."source_id" and "peer"."product_id" <> "s"."source_id"
           ) "candidate"
           where ${LISTED('"candidate"."product_id"')}
           order by "product_id", "tier", "score" desc
         ) "best"
         order by "tier", "score" desc, "product_id"
         limit ?
       ) "r"
       order by "s"."position"`,
      [uuidArray(productIds), first],
    );
    const answers = new Map<string, string[]>(productIds.map((id) => [id, []]));
    for (const row of rows) answers.get(row.source_id)?.push(row.product_id);
    return answers;
  }

  /**
   * Up to `first` products for a customer, best first, none they bought already. One blended score
   * ({@link CUSTOMER_SCORE}): what was bought with what they bought (and, at {@link VIEW_WEIGHT}, with what they
   * viewed lately), plus the popularity of a product within the categories the customer buys from (weighted by
   * the share of their purchases there), plus a little of its popularity overall. A new customer has neither of
   * the first two: they get the best-sellers.
   */
  async forCustomer(customerId: string, first: number): Promise<string[]> {
    const rows: Array<{ product_id: string }> = await this.sql.execute(
      `with "bought" as (select "product_id" from ${TABLES.customerPurchase} where "customer_id" = ?),
       "viewed" as (
         select "product_id" from ${TABLES.productView}
         where "viewer_id" = ? and "product_id" not in (select "product_id" from "bought")
         order by "viewed_at" desc limit ${VIEWED_SEEDS}),
       "seed" as (
         select "product_id", 1.0::float8 as "weight" from "bought"
         union all select "product_id", ${VIEW_WEIGHT}::float8 from "viewed"),
       "affinity" as (
         select "known"."category_id", sum("seed"."weight") / (select sum("weight") from "seed") as "share"
         from "seed" join ${TABLES.product} "known" on "known"."product_id" = "seed"."product_id"
         where "known"."category_id" is not null group by "known"."category_id"),
       "similar" as (
         select "co"."other_id" as "product_id", sum("seed"."weight" * ${COSINE_SCORE_SQL}) as "score"
         from "seed"
         join ${TABLES.coPurchase} "co" on "co"."product_id" = "seed"."product_id"
         join ${TABLES.productOrders} "np" on "np"."product_id" = "co"."product_id"
         join ${TABLES.productOrders} "nq" on "nq"."product_id" = "co"."other_id"
         group by "co"."other_id"),
       "in_category" as (
         select "peer"."product_id", "affinity"."share" * "sold"."orders"::float8
           / max("sold"."orders") over (partition by "peer"."category_id") as "score"
         from "affinity"
         join ${TABLES.product} "peer" on "peer"."category_id" = "affinity"."category_id" and not "peer"."archived"
         join ${TABLES.productOrders} "sold" on "sold"."product_id" = "peer"."product_id"),
       "best_seller" as (
         select "top"."product_id", "top"."orders"::float8 / max("top"."orders") over () as "score"
         from (select "sold"."product_id", "sold"."orders" from ${TABLES.productOrders} "sold"
               where ${LISTED('"sold"."product_id"')} and "sold"."product_id" not in (select "product_id" from "bought")
               order by "sold"."orders" desc, "sold"."product_id" limit ?) "top"),
       "candidate" as (
         select "product_id", "score" as "similar_score", 0::float8 as "category_score", 0::float8 as "popular_score" from "similar"
         union all select "product_id", 0, "score", 0 from "in_category"
         union all select "product_id", 0, 0, "score" from "best_seller")
       select "product_id" from "candidate"
       where "product_id" not in (select "product_id" from "bought") and ${LISTED('"candidate"."product_id"')}
       group by "product_id"
       order by ${CUSTOMER_SCORE} desc, "product_id"
       limit ?`,
      [customerId, customerId, first, first],
    );
    return rows.map((row) => row.product_id);
  }

  /** The best-sellers (paid orders holding them), of one category or overall; never an archived product. */
  async popular(categoryId: string | null, first: number): Promise<string[]> {
    const rows: Array<{ product_id: string }> = await this.sql.execute(
      categoryId === null
        ? `select "sold"."product_id" from ${TABLES.productOrders} "sold" where ${LISTED('"sold"."product_id"')}
           order by "sold"."orders" desc, "sold"."product_id" limit ?`
        : `select "sold"."product_id" from ${TABLES.productOrders} "sold"
           join ${TABLES.product} "p" on "p"."product_id" = "sold"."product_id"
           where "p"."category_id" = ? and not "p"."archived"
           order by "sold"."orders" desc, "sold"."product_id" limit ?`,
      categoryId === null ? [first] : [categoryId, first],
    );
    return rows.map((row) => row.product_id);
  }

  /** What the customer bought (the benchmark's held-out check and the tests read it). */
  async purchasedBy(customerId: string): Promise<string[]> {
    const rows: Array<{ product_id: string }> = await this.sql.execute(
      `select "product_id" from ${TABLES.customerPurchase} where "customer_id" = ? order by "product_id"`,
      [customerId],
    );
    return rows.map((row) => row.product_id);
  }
}
