import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #13, bench/search: a product's row is written three times when it is first indexed (document, stock,
 * rating) and again at every stock or rating event. With full pages each of those writes put a new row version on
 * another page and a new entry in every index, the GIN ones included (the generated `document` is part of the
 * row): 100,000 products took 432 MB and every search read three pages a match. With room left on each page
 * (fillfactor 70), a write that changes no indexed column (stock, rating) is a HOT update on the same page.
 *
 * Type-ahead ranks names starting with the prefix first: they are found by a b-tree range on the lower-cased
 * name (`like 'st%'`) instead of sorting every product with a word starting "st" (19,000 of 100,000).
 */
export class Migration20261207090000_search_at_scale extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "search"."product" set (fillfactor = 70);`);
    this.addSql(`create index "product_name_prefix_index" on "search"."product" (lower("name") text_pattern_ops) where "status" = 'ACTIVE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "search"."product_name_prefix_index";`);
    this.addSql(`alter table "search"."product" reset (fillfactor);`);
  }
}
