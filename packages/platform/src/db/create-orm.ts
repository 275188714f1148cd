import {
  MikroORM,
  type AnyEntity,
  type EntityClass,
  type EntitySchema,
  type LoggerNamespace,
  type MigrationObject,
} from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

export type SubgraphOrm = MikroORM<PostgreSqlDriver>;

/** A subgraph's committed migrations, oldest first, or a function importing them when an ORM is opened. */
export type MigrationList = ReadonlyArray<MigrationObject> | (() => Promise<ReadonlyArray<MigrationObject>>);

export interface CreateOrmOptions {
  /** The Postgres schema this subgraph owns; every statement is qualified with it. */
  readonly schema: string;
  /** postgres:// URL: the real server, or the embedded PGlite socket. */
  readonly databaseUrl: string;
  readonly entities: ReadonlyArray<EntityClass<AnyEntity> | EntitySchema>;
  /**
   * The subgraph's committed migrations, in order (explicit, so compiled and jest runs see the same list), or a
   * function that imports them: migration classes extend MikroORM's `Migration`, whose package loads the migrator,
   * knex and lodash, and a subgraph's barrel should not load them for code that never opens its ORM.
   */
  readonly migrations: MigrationList;
  /** Connections in the pool. The embedded PGlite has one session, so it uses 1 (README.md, Design decisions). */
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/**
 * One MikroORM per subgraph. The options here are the ones README.md, Design decisions measured as necessary for several
 * ORMs sharing one database (embedded PGlite or a shared Postgres): a fixed `schema` so nothing depends on
 * `search_path`, a unique `contextName` so a fork of one ORM inside another's transaction cannot pick up the
 * wrong EntityManager, and a driver whose schema diffs read this schema alone, so they never touch another
 * subgraph's tables.
 *
 * The driver (MikroORM's PostgreSQL driver, knex, pg) is imported here, when an ORM is opened, not when the
 * platform's barrel is: most of what imports `@techally/platform` never opens one (under jest, which loads every
 * test file's modules afresh, the barrel went from 1,241 modules to 506; issue #10, test time).
 */
export async function createOrm(options: CreateOrmOptions): Promise<SubgraphOrm> {
  const { schema, logger } = options;
  const debug: LoggerNamespace[] = logger?.isLevelEnabled('trace') ? ['query', 'query-params'] : [];
  const { OwnSchemaPostgreSqlDriver } = await import('./own-schema-driver.js');
  const migrations = typeof options.migrations === 'function' ? await options.migrations() : options.migrations;
  return MikroORM.init<PostgreSqlDriver>({
    driver: OwnSchemaPostgreSqlDriver,
    clientUrl: options.databaseUrl,
    schema,
    contextName: `techally-${schema}`,
    entities: [...options.entities],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: [...migrations],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    forceUtcTimezone: true,
    // Every request must fork its own EntityManager (README.md, House style); the global one is refused.
    allowGlobalContext: false,
    debug,
    logger: (message) => logger?.trace({ orm: schema }, message),
    discovery: { warnWhenNoEntities: false },
  });
}

/** Applies the subgraph's pending migrations (creating its schema first if needed). */
export async function migrate(orm: SubgraphOrm): Promise<void> {
  await orm.getMigrator().up();
}

/** True when the database answers: the basis of `/health/ready`. */
export async function isDatabaseReachable(orm: SubgraphOrm): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}
