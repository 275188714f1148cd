import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * The catalogue's events (issue #10): the outbox the products subgraph writes its events to in the transaction
 * of each change (and the inbox, unused until products consumes something; `EVENT_TABLES_V1` is one unit).
 */
export class Migration20261207000500_catalog_events extends Migration {

  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('products').forEach((sql) => this.addSql(sql));
  }

  override async down(): Promise<void> {
    EVENT_TABLES_V1.down('products').forEach((sql) => this.addSql(sql));
  }

}
