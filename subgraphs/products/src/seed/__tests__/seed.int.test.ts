import { generateCatalog } from '@techally/demo-data';
import { countStatements } from '@techally/testing';
import { startProductsHarness, type ProductsHarness } from '../../__tests__/products-harness';

let h: ProductsHarness;

beforeAll(async () => {
  h = await startProductsHarness({ seed: false });
});
afterAll(() => h?.stop());

async function tableCounts(): Promise<{ products: number; categories: number; archived: number }> {
  const [row] = await h.subgraph.orm.em.fork().getConnection().execute<Array<Record<string, number>>>(
    `select (select count(*)::int from products.product) as products,
            (select count(*)::int from products.category) as categories,
            (select count(*)::int from products.product where status = 'ARCHIVED') as archived`,
  );
  return row as { products: number; categories: number; archived: number };
}

describe('the demo catalog seed', () => {
  it('fills an empty catalog in one transaction of a few statements', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      await h.subgraph.seed();
      // begin, advisory lock, emptiness check, categories insert, products insert, commit
      expect(counter.count).toBeLessThanOrEqual(6);
    } finally {
      counter.stop();
    }
  });

  it('has at least 200 products, a few of them archived', async () => {
    const counts = await tableCounts();
    expect(counts.products).toBeGreaterThanOrEqual(200);
    expect(counts.archived).toBeGreaterThan(0);
    expect(counts.archived).toBeLessThan(counts.products * 0.1);
  });

  it('has a category tree at least three levels deep', async () => {
    const response = await h.query<{ categories: Array<{ path: Array<{ name: string }> }> }>('{ categories { path { name } } }');
    const deepest = Math.max(...response.data!.categories.map((category) => category.path.length));
    expect(deepest).toBeGreaterThanOrEqual(3);
    expect(response.data!.categories.map((category) => category.path.map((step) => step.name).join(' › '))).toEqual(
      expect.arrayContaining(['Electronics › Computers › Laptops', 'Audio › Headphones › Over-Ear Headphones', 'Home & Kitchen › Coffee › Espresso Machines', 'Sports & Outdoors › Cycling › Bike Helmets', 'Books']),
    );
  });

  it('emits no event by default: the demo catalogue exists before anything could have read it, so nothing is stale', async () => {
    const rows = await h.subgraph.orm.em.fork().getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from products.outbox`);
    expect(rows[0]!.n).toBe(0);
  });

  it('adds nothing when seeded again', async () => {
    const before = await tableCounts();
    await h.subgraph.seed();
    expect(await tableCounts()).toEqual(before);
  });

  it('announces each active product as product-created at its createdAt with publishHistory, for the read models', async () => {
    const sql = (statement: string) => h.subgraph.orm.em.fork().getConnection().execute<Array<Record<string, unknown>>>(statement);
    await sql('truncate products.product, products.category, products.outbox cascade');
    await h.subgraph.seed({ publishHistory: true });
    const events = await sql(`select type, occurred_at, payload from products.outbox order by position`);
    const active = generateCatalog().products.filter((product) => product.status === 'ACTIVE');
    expect(events.map((event) => [event['type'], new Date(event['occurred_at'] as string).toISOString(), event['payload']])).toEqual(
      active.map((product) => [
        'products.product-created.v1',
        product.createdAt.toISOString(),
        { productId: product.id, sku: product.sku, categoryId: product.categoryId },
      ]),
    );
  });

  it('gives products plausible prices and weights', async () => {
    const rows = await h.subgraph.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ min_price: number; max_price: number; min_weight: number; currencies: string[] }>>(
        `select min(price_amount) as min_price, max(price_amount) as max_price, min(weight_grams) as min_weight,
                array_agg(distinct currency) as currencies
         from products.product`,
      );
    expect(rows[0]).toMatchObject({ currencies: ['USD'] });
    expect(rows[0]!.min_price).toBeGreaterThanOrEqual(500);
    expect(rows[0]!.max_price).toBeLessThanOrEqual(500_000);
    expect(rows[0]!.min_weight).toBeGreaterThan(0);
  });
});
