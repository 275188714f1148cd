import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * Issue #14: the event tables, so the users subgraph publishes `users.user-registered.v1` and
 * `users.user-changed.v1` through its own outbox (the inbox is there for symmetry: it consumes nothing yet).
 */
export class Migration20261207150000_events extends Migration {
  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('users').forEach((sql) => this.addSql(sql));
  }

  override async down(): Promise<void> {
    EVENT_TABLES_V1.down('users').forEach((sql) => this.addSql(sql));
  }
}
