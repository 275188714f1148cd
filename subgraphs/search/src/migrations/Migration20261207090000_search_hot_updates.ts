import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #13, bench/search: a product's row is written three times when it is first indexed (document, stock,
 * rating) and again at every stock or rating event. With full pages each of those writes put a new row version on
 * another page and a new entry in every index, the GIN ones included (the generated `document` is part of the
 * row): 100,000 products took 432 MB and every search read three pages a match. With room left on each page
 * (fillfactor 70), a write that changes no indexed column (stock, rating) is a HOT update on the same page.
 */
export class Migration20261207090000_search_hot_updates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "search"."product" set (fillfactor = 70);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "search"."product" reset (fillfactor);`);
  }
}
