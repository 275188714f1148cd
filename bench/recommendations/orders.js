// bench/recommendations: a shop's paid orders with a known structure, from a fixed seed (the same orders every run).
//
// - CATEGORIES categories of PRODUCTS_PER_CATEGORY products; in each category BUNDLES_PER_CATEGORY bundles of
//   BUNDLE_SIZE products that belong together (a camera, its lens, its bag, its card, its strap).
// - A few best-sellers (BEST_SELLERS, in no bundle) that land in a large share of all baskets, whatever else is in them.
// - Each customer has one or two favourite categories (category affinity) and one or two bundles of them they are
//   completing; they place ORDERS_MIN..ORDERS_MAX orders: mostly the next one to three products of such a bundle
//   (a bundle is bought together: in one basket, or over a customer's next baskets), otherwise one product of a
//   favourite category; often plus a best-seller, now and then a product picked at random anywhere (noise).
const { createHash } = require('node:crypto');

const SHAPE = {
  CATEGORIES: 12,
  PRODUCTS_PER_CATEGORY: 30,
  BUNDLES_PER_CATEGORY: 6,
  BUNDLE_SIZE: 5,
  BEST_SELLERS: 5,
  CUSTOMERS: Number(process.env.CUSTOMERS ?? 1200),
  ORDERS_MIN: 3,
  ORDERS_MAX: 6,
  /** The share of orders that hold a best-seller. */
  BEST_SELLER_RATE: 0.45,
  /** The share of orders that continue a bundle (the others: one product of a favourite category). */
  BUNDLE_RATE: 0.7,
  /** The share of orders with a product from anywhere added (noise). */
  NOISE_RATE: 0.2,
};

/** mulberry32: a small seeded generator, so the orders are the same on every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable UUID (v4-shaped) for a name, so runs and results are comparable. */
function uuidOf(name) {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function generateShop(shape = SHAPE, seed = 14) {
  const random = seeded(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sample = (list, count) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  };

  const categories = Array.from({ length: shape.CATEGORIES }, (_, c) => {
    const id = uuidOf(`category-${c}`);
    const products = Array.from({ length: shape.PRODUCTS_PER_CATEGORY }, (_, p) => uuidOf(`product-${c}-${p}`));
    const bundles = Array.from({ length: shape.BUNDLES_PER_CATEGORY }, (_, b) => products.slice(b * shape.BUNDLE_SIZE, (b + 1) * shape.BUNDLE_SIZE));
    return { id, products, bundles };
  });
  const bestSellerCategory = { id: uuidOf('category-best-sellers'), products: Array.from({ length: shape.BEST_SELLERS }, (_, b) => uuidOf(`best-seller-${b}`)), bundles: [] };
  const everything = [...categories.flatMap((category) => category.products), ...bestSellerCategory.products];

  const customers = [];
  let sequence = 0;
  for (let n = 0; n < shape.CUSTOMERS; n++) {
    const customerId = uuidOf(`customer-${n}`);
    const favourites = sample(categories, random() < 0.5 ? 1 : 2);
    // The bundles this customer is completing, each in an order of their own.
    const projects = favourites.map((category) => sample(pick(category.bundles), shape.BUNDLE_SIZE));
    const count = shape.ORDERS_MIN + Math.floor(random() * (shape.ORDERS_MAX - shape.ORDERS_MIN + 1));
    const orders = [];
    for (let o = 0; o < count; o++) {
      const items = new Set();
      const open = projects.filter((project) => project.length > 0);
      if (open.length > 0 && random() < shape.BUNDLE_RATE) {
        const project = pick(open);
        for (const product of project.splice(0, 1 + Math.floor(random() * 3))) items.add(product);
      } else {
        items.add(pick(pick(favourites).products));
      }
      if (random() < shape.BEST_SELLER_RATE) items.add(pick(bestSellerCategory.products));
      if (random() < shape.NOISE_RATE) items.add(pick(everything));
      orders.push({ orderId: uuidOf(`order-${n}-${o}`), customerId, items: [...items], sequence: sequence++ });
    }
    customers.push({ customerId, orders });
  }
  const productCategories = [...categories, bestSellerCategory].flatMap((category) => category.products.map((productId) => ({ productId, categoryId: category.id })));
  return { shape, customers, productCategories, bestSellers: bestSellerCategory.products };
}

module.exports = { SHAPE, generateShop };
