import { migrate } from '@techally/platform';
import { migratedTestOrm } from '@techally/testing';
import { createSearchOrm } from '../../database';

const orm = migratedTestOrm((database) => createSearchOrm({ databaseUrl: database.url, poolMax: database.poolMax }));
const sql = <Row>(statement: string) => orm().em.getConnection().execute<Row[]>(statement);

// The read model is not described by entities (README.md, *Owns*), so instead of a schema diff these specs
// name what the migrations must build.
describe('the committed migrations', () => {
  it('build the index, the vocabulary and the event tables in the search schema', async () => {
    const tables = await sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'search' order by table_name`);
    expect(tables.map((table) => table.table_name)).toEqual(['inbox', 'mikro_orm_migrations', 'outbox', 'product', 'sync_state', 'vocabulary']);
  });

  it('index the text with GIN, the sorts with b-trees of active products, and the vocabulary with trigrams', async () => {
    const indexes = await sql<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = 'search' and tablename in ('product', 'vocabulary') order by indexname`,
    );
    const byName = Object.fromEntries(indexes.map((index) => [index.indexname, index.indexdef.replace(/^.* USING /, '')]));
    expect(byName).toEqual({
      product_category_path_index: 'gin (category_path)',
      product_document_index: 'gin (document)',
      product_name_words_index: 'gin (name_words)',
      product_name_prefix_index: `btree (lower(name) text_pattern_ops) WHERE ((status)::text = 'ACTIVE'::text)`,
      product_newest_index: `btree (created_at DESC, id DESC) WHERE ((status)::text = 'ACTIVE'::text)`,
      product_pkey: 'btree (id)',
      product_price_index: `btree (price_amount, id) WHERE ((status)::text = 'ACTIVE'::text)`,
      vocabulary_pkey: 'btree (word)',
      vocabulary_word_trigram_index: expect.stringMatching(/^gin \(word .*gin_trgm_ops\)$/),
    });
  });

  it('leave room on each page of the index, so stock and rating writes are HOT updates', async () => {
    const [table] = await sql<{ options: string[] }>(`select reloptions as options from pg_class where oid = 'search.product'::regclass`);
    expect(table!.options).toEqual(['fillfactor=70']);
  });

  it('weight the document: name and SKU A, category names B, description C', async () => {
    await orm()
      .em.getConnection()
      .execute(
        `insert into search.product (id, sku, name, description, category_names) values ('00000000-0000-4000-8000-000000000001', 'AB-1', 'Studio Headphones', 'closed back', 'Audio')`,
      );
    const [row] = await sql<{ document: string }>(`select document::text as document from search.product`);
    expect(row!.document).toMatch(/'headphon':\d+A/);
    expect(row!.document).toMatch(/'audio':\d+B/);
    expect(row!.document).toMatch(/'close':\d+C/);
  });

  it('are recorded, so a second run applies nothing', async () => {
    await migrate(orm());
    expect(await orm().getMigrator().getPendingMigrations()).toEqual([]);
  });
});
