import { TABLES } from '../database';
import type { SqlConnection } from '../product/product.reads';
import { ProductStatus } from '../product/product-status';
import { CATEGORY_COLUMNS, categoryRecordFromRow, type CategoryRecord, type CategoryRow } from './category.record';

/** Sibling order: curated position, then name, then id so the order is total. */
const SIBLING_ORDER = 'c.position asc, c.name asc, c.id asc';

const ALL = `select ${CATEGORY_COLUMNS} from ${TABLES.category} c order by ${SIBLING_ORDER}`;
const BY_IDS = `select ${CATEGORY_COLUMNS} from ${TABLES.category} c where c.id in (?)`;
const BY_SLUG = `select ${CATEGORY_COLUMNS} from ${TABLES.category} c where c.slug = ? limit 1`;
const CHILDREN = `select ${CATEGORY_COLUMNS} from ${TABLES.category} c where c.parent_id in (?) order by ${SIBLING_ORDER}`;

/** Active products under each category (itself and its descendants), for every asked id in one statement. */
const ACTIVE_PRODUCTS_PER_TREE = `with recursive tree (root_id, id) as (
    select id, id from ${TABLES.category} where id in (?)
    union all
    select tree.root_id, child.id from ${TABLES.category} child join tree on child.parent_id = tree.id
  )
  select tree.root_id as category_id, count(product.id)::int as product_count
  from tree left join ${TABLES.product} product on product.category_id = tree.id and product.status = ?
  group by tree.root_id`;

/** The category read paths in SQL, answered as plain {@link CategoryRecord}s (see ProductReads). */
export class CategoryReads {
  constructor(private readonly connection: SqlConnection) {}

  /** Every category, in sibling order (levels mixed; inTreeOrder makes the tree order). */
  all(): Promise<CategoryRecord[]> {
    return this.records(ALL, []);
  }

  byIds(ids: ReadonlyArray<string>): Promise<CategoryRecord[]> {
    return this.records(BY_IDS, [[...ids]]);
  }

  async bySlug(slug: string): Promise<CategoryRecord | null> {
    return (await this.records(BY_SLUG, [slug]))[0] ?? null;
  }

  /** The children of each parent, in sibling order, in one statement. */
  children(parentIds: ReadonlyArray<string>): Promise<CategoryRecord[]> {
    return this.records(CHILDREN, [[...parentIds]]);
  }

  async countActiveProducts(categoryIds: ReadonlyArray<string>): Promise<Map<string, number>> {
    const rows = await this.connection.execute<Array<{ category_id: string; product_count: number }>>(ACTIVE_PRODUCTS_PER_TREE, [
      [...categoryIds],
      ProductStatus.ACTIVE,
    ]);
    return new Map(rows.map((row) => [row.category_id, row.product_count]));
  }

  private async records(sql: string, params: unknown[]): Promise<CategoryRecord[]> {
    const rows = await this.connection.execute<CategoryRow[]>(sql, params);
    return rows.map(categoryRecordFromRow);
  }
}
