import type { ProductDocument, RatingFact, SearchBackend, StockFact } from '../search-backend';

/** Fixed ids, so a failure names the same product on every run. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const CATEGORY = {
  audio: { id: id(901), name: 'Audio' },
  headphones: { id: id(902), name: 'Headphones' },
  speakers: { id: id(903), name: 'Speakers' },
  computing: { id: id(904), name: 'Computing' },
} as const;

const PATHS = {
  audio: [CATEGORY.audio],
  headphones: [CATEGORY.audio, CATEGORY.headphones],
  speakers: [CATEGORY.audio, CATEGORY.speakers],
  computing: [CATEGORY.computing],
} as const;

interface FixtureProduct {
  readonly n: number;
  readonly name: string;
  readonly description: string;
  readonly category: keyof typeof PATHS;
  readonly price: number;
  readonly day: number;
  readonly inStock: boolean;
  readonly rating: { readonly average: number; readonly count: number } | null;
  readonly status?: string;
}

const PRODUCTS: ReadonlyArray<FixtureProduct> = [
  { n: 1, name: 'Studio Headphones', description: 'Closed-back monitoring for long mixing sessions.', category: 'headphones', price: 19_900, day: 1, inStock: true, rating: { average: 4.5, count: 10 } },
  { n: 2, name: 'Travel Headphones Lite', description: 'Folds flat, weighs little.', category: 'headphones', price: 7_900, day: 2, inStock: false, rating: { average: 3.9, count: 4 } },
  { n: 3, name: 'Headphone Stand', description: 'Walnut stand that keeps a pair tidy.', category: 'audio', price: 2_900, day: 3, inStock: true, rating: null },
  { n: 4, name: 'Bookshelf Speaker Pair', description: 'Warm sound; pairs well with headphones for late nights.', category: 'speakers', price: 34_900, day: 4, inStock: true, rating: { average: 4.8, count: 20 } },
  { n: 5, name: 'Portable Speaker', description: 'Splash-proof, twelve hours of music.', category: 'speakers', price: 4_900, day: 5, inStock: true, rating: { average: 4.1, count: 7 } },
  { n: 6, name: 'Gaming Laptop', description: 'A fast screen and a faster graphics card.', category: 'computing', price: 149_900, day: 6, inStock: true, rating: { average: 4.2, count: 3 } },
  { n: 7, name: 'Ultrabook Laptop', description: 'Thin, light, all-day battery.', category: 'computing', price: 99_900, day: 7, inStock: false, rating: null },
  { n: 8, name: 'Braided Cable', description: 'Charges laptops, phones and headphones; headphones and more headphones.', category: 'computing', price: 1_500, day: 8, inStock: true, rating: { average: 4.0, count: 2 } },
  { n: 9, name: 'Vintage Headphones', description: 'No longer sold.', category: 'headphones', price: 9_900, day: 9, inStock: true, rating: { average: 5, count: 1 }, status: 'ARCHIVED' },
  // Ties on price, date and rating, so paging has to break them by id.
  ...[10, 11, 12, 13, 14, 15].map((n) => ({
    n,
    name: `Desk Organizer ${n}`,
    description: 'Keeps cables in order.',
    category: 'computing' as const,
    price: 4_900,
    day: 10,
    inStock: n % 2 === 0,
    rating: { average: 4.1, count: 7 },
  })),
];

export const ACTIVE_COUNT = PRODUCTS.filter((product) => product.status === undefined).length;

/** The product's id by its fixture name. */
export function productId(name: string): string {
  const product = PRODUCTS.find((candidate) => candidate.name === name);
  if (!product) throw new Error(`no fixture product named ${name}`);
  return id(product.n);
}

export function nameOf(productIdToFind: string): string {
  return PRODUCTS.find((product) => id(product.n) === productIdToFind)?.name ?? productIdToFind;
}

export const FIXTURE = PRODUCTS.map((product) => ({ ...product, id: id(product.n), categoryId: PATHS[product.category].at(-1)!.id }));

const DAY = 86_400_000;
const EPOCH = Date.parse('2026-11-01T00:00:00.000Z');

export function documentOf(product: FixtureProduct, overrides: Partial<ProductDocument> = {}): ProductDocument {
  return {
    id: id(product.n),
    sku: `FIX-${product.n}`,
    name: product.name,
    slug: `fixture-${product.n}`,
    description: product.description,
    status: product.status ?? 'ACTIVE',
    price: { amount: product.price, currency: 'USD' },
    categoryId: PATHS[product.category].at(-1)!.id,
    categoryPath: PATHS[product.category],
    createdAt: new Date(EPOCH + product.day * DAY),
    updatedAt: new Date(EPOCH + product.day * DAY),
    ...overrides,
  };
}

/** Indexes the fixture catalogue as the events would: documents, then stock and ratings. */
export async function indexFixture(backend: SearchBackend): Promise<void> {
  await backend.upsertProducts(PRODUCTS.map((product) => documentOf(product)));
  const at = new Date(EPOCH);
  const stock: StockFact[] = PRODUCTS.map((product) => ({ productId: id(product.n), inStock: product.inStock, available: product.inStock ? 5 : 0, at }));
  const ratings: RatingFact[] = PRODUCTS.flatMap((product) =>
    product.rating ? [{ productId: id(product.n), average: product.rating.average, count: product.rating.count, at }] : [],
  );
  await backend.recordStock(stock);
  await backend.recordRating(ratings);
}

export { PRODUCTS as FIXTURE_PRODUCTS, EPOCH, DAY };
