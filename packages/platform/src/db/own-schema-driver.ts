import type { Configuration } from '@mikro-orm/core';
import { PostgreSqlDriver, PostgreSqlPlatform, PostgreSqlSchemaHelper } from '@mikro-orm/postgresql';
import { TracedPostgreSqlConnection } from './traced-connection';

/**
 * What MikroORM reads of the database when it diffs the entities against it (migration generation, the
 * "no pending difference" specs): the tables of the ORM's own `schema` only. MikroORM would list every schema
 * but those in `schemaGenerator.ignoreSchema`, and diff every table it lists, so a migration generated for one
 * subgraph on a shared database (the embedded start) dropped the tables of any subgraph missing from that list
 * (README.md, Design decisions). Asking the database for one schema instead means nobody has to keep a list of the others.
 */
class OwnSchemaHelper extends PostgreSqlSchemaHelper {
  override getListTablesSQL(): string {
    const own = this.platform.quoteValue(this.platform.getConfig().get('schema'));
    return `select * from (${super.getListTablesSQL()}) as tables where schema_name = ${own} order by table_name`;
  }
}

class OwnSchemaPlatform extends PostgreSqlPlatform {
  protected override readonly schemaHelper: PostgreSqlSchemaHelper = new OwnSchemaHelper(this);
}

/**
 * The pg driver with {@link OwnSchemaHelper} and a span per SQL statement ({@link TracedPostgreSqlConnection}).
 * PostgreSqlDriver makes its platform and connection in its constructor (6.6.16), before MikroORM configures
 * or connects them; this replaces both there, the only differences being the schema helper and the spans.
 */
export class OwnSchemaPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    Object.defineProperty(this, 'platform', { value: new OwnSchemaPlatform(), writable: false });
    Object.defineProperty(this, 'connection', { value: new TracedPostgreSqlConnection(config), writable: false });
  }
}
