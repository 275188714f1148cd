import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { createTestDatabase, type TestDatabase } from '@techally/testing';
import { createOrm, migrate, type SubgraphOrm } from '../..';

// Several subgraphs share one database (the embedded start, a small deployment). A schema diff of one of them
// must see its own schema only: a diff that saw another's tables would write a migration dropping them
// (README.md, Design decisions). Nothing in the platform lists the subgraphs, so a new one is safe without telling it.

@Entity({ tableName: 'parcel' })
class Parcel {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'text' }) label!: string;
}

@Entity({ tableName: 'crate' })
class Crate {
  @PrimaryKey({ type: 'uuid' }) id!: string;
}

class CreateParcel extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "shipping"."parcel" ("id" uuid not null, "label" text not null, constraint "parcel_pkey" primary key ("id"));');
  }
}

class CreateCrate extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "warehousing"."crate" ("id" uuid not null, constraint "crate_pkey" primary key ("id"));');
  }
}

let database: TestDatabase;
let shipping: SubgraphOrm;
let warehousing: SubgraphOrm;

/** An ORM of `schema` on the shared test database. */
function openOrm(schema: string, entities: Array<typeof Parcel | typeof Crate>, migration: typeof CreateParcel | typeof CreateCrate): Promise<SubgraphOrm> {
  return createOrm({
    schema,
    databaseUrl: database.url,
    entities,
    migrations: [{ name: migration.name, class: migration }],
    poolMax: database.poolMax,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Two schemas no list anywhere knows of, beside a table in public.
  shipping = await openOrm('shipping', [Parcel], CreateParcel);
  warehousing = await openOrm('warehousing', [Crate], CreateCrate);
  await migrate(shipping);
  await migrate(warehousing);
  await shipping.em.fork().getConnection().execute('create table if not exists public.legacy_note (id int primary key)');
});

afterAll(async () => {
  await shipping?.close();
  await warehousing?.close();
  await database?.drop();
});

describe('the schema diff of one subgraph on a shared database', () => {
  it('is empty when its migrations match its entities, whatever other schemas hold', async () => {
    expect((await shipping.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
    expect((await warehousing.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });

  it('speaks of its own schema only when its entities change', async () => {
    const grown = await openOrm('shipping', [Parcel, Crate], CreateParcel);
    try {
      const pending = await grown.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(pending).toContain('create table "shipping"."crate"');
      expect(pending).not.toMatch(/warehousing|public|legacy_note/);
    } finally {
      await grown.close();
    }
  });
});
