'use strict';
// bench/search: a large catalogue made from the demo shop's own generator data (@techally/demo-data's
// assortments, lines, variants, features and category tree), with variations so 100,000 products do not read as
// 232 repeated: editions, prices around the line's price, dates over two years, stock and ratings. Deterministic
// (seeded), so two runs search the same catalogue.
const { ASSORTMENTS, createPrng, generateCatalog, seedUuid } = require('@techally/demo-data');

const EDITIONS = ['', '', '', 'Pro', 'Lite', 'Max', 'Mini', 'Plus', 'Gen 2', 'Gen 3', '2026 Edition', 'Bundle', 'Refurbished', 'Travel Kit', 'Studio Edition'];
const EXTRA_SENTENCES = [
  'Ships in recyclable packaging.',
  'Two-year warranty included.',
  'Tested for everyday use in the home and office.',
  'Compatible with the previous generation of accessories.',
  'A quiet, energy-saving design.',
  'Comes with a quick start guide and a carrying pouch.',
  'Firmware updates over the air.',
  'Backed by our 30-day return promise.',
];
const FIRST_LISTED = Date.UTC(2024, 11, 1);
const SPAN_MINUTES = 730 * 24 * 60;

/** The demo category tree: id → { id, name, parentId }, and the path (root first) of each. */
function categoryPaths() {
  const { categories } = generateCatalog();
  const byId = new Map(categories.map((category) => [category.id, category]));
  const bySlug = new Map(categories.map((category) => [category.slug, category]));
  const pathOf = (id) => {
    const path = [];
    for (let category = byId.get(id); category; category = category.parentId ? byId.get(category.parentId) : undefined) {
      path.unshift({ id: category.id, name: category.name });
    }
    return path;
  };
  return { categories, bySlug, pathOf };
}

/**
 * `count` products: `{ document, stock, rating, row }` — the search document as the products subgraph would
 * describe it, the stock and rating facts, and the products subgraph's own row (so the gateway resolves them).
 */
function generateProducts(count, seed = 13_000) {
  const rng = createPrng(seed);
  const { bySlug, pathOf } = categoryPaths();
  const pick = (items) => items[Math.floor(rng.next() * items.length)];
  const products = [];
  for (let index = 0; index < count; index++) {
    const assortment = pick(ASSORTMENTS);
    const line = pick(assortment.lines);
    const variant = pick(line.variants ?? assortment.variants);
    const base = assortment.name ? assortment.name(line, variant) : `${line.brand} ${line.model} (${variant.label})`;
    const edition = pick(EDITIONS);
    const name = edition ? `${base} ${edition}` : base;
    const sku = `BS-${String(index).padStart(7, '0')}`;
    const id = seedUuid(`bench-search:${sku}`);
    const category = bySlug.get(assortment.category);
    const description = [line.blurb, ...rng.sample(assortment.features, 2), pick(EXTRA_SENTENCES)].join(' ');
    const listPrice = line.price + (variant.price ?? 0);
    // Around the line's price (0.6×–1.6×), ending in 99 cents.
    const priceAmount = Math.max(99, Math.round((listPrice * (0.6 + rng.next())) / 100) * 100 - 1);
    const createdAt = new Date(FIRST_LISTED + rng.int(0, SPAN_MINUTES) * 60_000);
    const status = rng.chance(0.02) ? 'ARCHIVED' : 'ACTIVE';
    const at = new Date(createdAt.getTime() + 60_000);
    const inStock = rng.chance(0.8);
    const rated = rng.chance(0.7);
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${index}`;
    products.push({
      document: {
        id,
        sku,
        name,
        slug,
        description,
        status,
        price: { amount: priceAmount, currency: 'USD' },
        categoryId: category.id,
        categoryPath: pathOf(category.id),
        createdAt,
        updatedAt: createdAt,
      },
      stock: { productId: id, inStock, available: inStock ? rng.int(1, 200) : 0, at },
      rating: rated ? { productId: id, average: rng.int(10, 50) / 10, count: rng.int(1, 500), at } : null,
      row: {
        id,
        sku,
        name: name.slice(0, 200),
        slug: slug.slice(0, 240),
        description,
        price_amount: priceAmount,
        currency: 'USD',
        weight_grams: line.weight + (variant.weight ?? 0),
        category_id: category.id,
        status,
        created_at: createdAt.toISOString(),
        updated_at: createdAt.toISOString(),
      },
    });
  }
  return products;
}

module.exports = { categoryPaths, generateProducts };
