import { appendToOutbox, createEvent } from '@techally/events';
import type { DemoSeedOptions, Logger, SubgraphOrm } from '@techally/platform';
import { Category } from '../category/category.entity';
import { Product } from '../product/product.entity';
import { generateCatalog, type SeedProduct } from '@techally/demo-data';
import { ProductStatus } from '../product/product-status';

/** Any constant works; it only has to be the same for every process that may seed this database. */
const SEED_LOCK_KEY = 0x7072_6f64; // "prod"

/**
 * Loads the demo catalog into an empty products schema; does nothing when any category exists (a catalog
 * someone has started is never topped up). One transaction, a handful of statements: one multi-row insert
 * for the categories and one for the products. A transaction-scoped advisory lock makes two processes
 * seeding the same database at once harmless: the second waits, then finds the catalog there.
 * With `publishHistory`, each active product is announced as `products.product-created.v1` at its `createdAt`, in
 * the same transaction (one more multi-row insert), so the read models that learn the catalogue from events
 * (recommendations' categories, analytics' categories, notifications' SKUs) know the seeded one.
 */
export async function seedCatalog(orm: SubgraphOrm, logger?: Logger, options: DemoSeedOptions = {}): Promise<void> {
  const seeded = await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    if ((await em.count(Category)) > 0) return null;
    const { categories, products } = generateCatalog();
    await em.insertMany(
      Category,
      categories.map(({ id, name, slug, parentId, position }) => ({ id, name, slug, parent: parentId, position })),
    );
    await em.insertMany(
      Product,
      products.map((product) => ({
        id: product.id,
        sku: product.sku,
        name: product.name,
        slug: product.slug,
        description: product.description,
        priceAmount: product.priceAmount,
        currency: product.currency,
        weightGrams: product.weightGrams,
        category: product.categoryId,
        status: ProductStatus[product.status],
        createdAt: product.createdAt,
        updatedAt: product.createdAt,
      })),
    );
    const announced = options.publishHistory ? products.filter((product) => product.status === 'ACTIVE').map(productCreated) : [];
    appendToOutbox(em, announced);
    return { categories: categories.length, products: products.length, historyEvents: announced.length };
  });
  if (seeded) logger?.info(seeded, 'seeded the demo catalog');
}

function productCreated(product: SeedProduct) {
  return createEvent(
    'products.product-created.v1',
    product.id,
    { productId: product.id, sku: product.sku, categoryId: product.categoryId },
    {},
    { occurredAt: product.createdAt },
  );
}
