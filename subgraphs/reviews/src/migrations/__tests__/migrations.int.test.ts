import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { createReviewsOrm } from '../../database';

const orm = migratedTestOrm((database) => createReviewsOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

const AUTHOR = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0001';
const PRODUCT = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0002';

/** Inserts a row straight into the table, bypassing the service's validation, to test the table's own rules. */
async function insert(overrides: Record<string, unknown>): Promise<void> {
  const row = { id: crypto.randomUUID(), product_id: PRODUCT, author_id: crypto.randomUUID(), rating: 4, title: 'T', body: 'B', ...overrides };
  await orm().em
    .fork()
    .getConnection()
    .execute(
      'insert into reviews.review (id, product_id, author_id, rating, title, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?, now(), now())',
      [row.id, row.product_id, row.author_id, row.rating, row.title, row.body],
    );
}

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);

  it('keep the table in the reviews schema, with the indexes the lists read', async () => {
    const connection = orm().em.fork().getConnection();
    const tables = await connection.execute<Array<{ table_schema: string }>>(
      `select table_schema from information_schema.tables where table_name = 'review'`,
    );
    expect(tables.map((table) => table.table_schema)).toEqual(['reviews']);
    const indexes = await connection.execute<Array<{ indexname: string; indexdef: string }>>(
      `select indexname, indexdef from pg_indexes where schemaname = 'reviews' and tablename = 'review' order by indexname`,
    );
    expect(Object.fromEntries(indexes.map((index) => [index.indexname, index.indexdef.replace(/^.* USING btree /, '')]))).toEqual({
      review_author_id_product_id_unique: '(author_id, product_id)',
      review_author_newest_index: '(author_id, created_at, id)',
      review_pkey: '(id)',
      review_product_newest_index: '(product_id, hidden, created_at, id)',
    });
  });

  it('enforce the rules in the table too: 1 to 5 stars, text lengths, one review per author and product', async () => {
    for (const rating of [0, 6]) await expect(insert({ rating })).rejects.toThrow(/review_rating_check/);
    await expect(insert({ title: '' })).rejects.toThrow(/review_title_check/);
    await expect(insert({ body: '' })).rejects.toThrow(/review_body_check/);
    await expect(insert({ body: 'b'.repeat(5001) })).rejects.toThrow(/review_body_check/);
    await insert({ author_id: AUTHOR });
    await expect(insert({ author_id: AUTHOR })).rejects.toThrow(/review_author_id_product_id_unique/);
  });

  it('add the purchases read model, one row per customer and product, and the event tables beside it', async () => {
    const connection = orm().em.fork().getConnection();
    const tables = await connection.execute<Array<{ table_name: string }>>(
      `select table_name from information_schema.tables where table_schema = 'reviews' order by table_name`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(['inbox', 'mikro_orm_migrations', 'outbox', 'purchase', 'review']);
    const indexes = await connection.execute<Array<{ indexname: string; indexdef: string }>>(
      `select indexname, indexdef from pg_indexes where schemaname = 'reviews' and tablename = 'purchase'`,
    );
    expect(indexes.map((index) => [index.indexname, index.indexdef.replace(/^.* USING btree /, '')])).toEqual([
      ['purchase_pkey', '(customer_id, product_id)'],
    ]);
    const purchase = (orderId: string) =>
      connection.execute(
        'insert into reviews.purchase (customer_id, product_id, first_order_id, purchased_at) values (?, ?, ?, now())',
        [AUTHOR, PRODUCT, orderId],
      );
    await purchase(crypto.randomUUID());
    await expect(purchase(crypto.randomUUID())).rejects.toThrow(/purchase_pkey/);
  });
});
