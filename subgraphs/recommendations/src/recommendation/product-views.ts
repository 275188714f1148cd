import { TABLES } from '../database';
import type { SqlExecutor } from '../sql-executor';

/**
 * The most products remembered as viewed per customer. A view only ever steers the viewer's own
 * recommendations (it is not a popularity signal anyone else sees), and each customer keeps at most this many
 * rows however often they call `productViewed`: a script hammering it wastes its own rate limit, nothing more.
 */
export const MAX_VIEWS_KEPT = 50;

/** The signed-in customers' recently viewed products. */
export class ProductViews {
  constructor(private readonly sql: SqlExecutor) {}

  /** Records (or refreshes) a view, then forgets the viewer's views beyond the newest {@link MAX_VIEWS_KEPT}. */
  async record(viewerId: string, productId: string): Promise<void> {
    await this.sql.execute(
      `insert into ${TABLES.productView} ("viewer_id", "product_id", "viewed_at") values (?, ?, now())
       on conflict ("viewer_id", "product_id") do update set "viewed_at" = excluded."viewed_at"`,
      [viewerId, productId],
      'run',
    );
    await this.sql.execute(
      `delete from ${TABLES.productView} where "viewer_id" = ? and "product_id" not in (
         select "product_id" from ${TABLES.productView} where "viewer_id" = ? order by "viewed_at" desc, "product_id" limit ${MAX_VIEWS_KEPT})`,
      [viewerId, viewerId],
      'run',
    );
  }
}
