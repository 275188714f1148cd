import { createHash } from 'node:crypto';
import { createPrng, DEMO_CUSTOMERS, generateCatalog, type Prng, type SeedCatalog, type SeedProduct } from '@techally/demo-data';
import { REVIEW_TEXTS, sentimentOf } from './review-texts';

/** The seed every start uses, so the demo reviews are the same on every machine. */
export const REVIEWS_SEED = 20_250_214;
/** The newest a demo review may be: the demo shop's "now", fixed so the data never depends on the clock. */
const SEED_HORIZON = Date.UTC(2025, 11, 15, 18, 0, 0);
const DAY_MS = 24 * 60 * 60 * 1000;

/** How many of the three demo customers review an active product: most products have none or one. */
const REVIEWERS_PER_PRODUCT: ReadonlyArray<readonly [count: number, weight: number]> = [
  [0, 45],
  [1, 25],
  [2, 18],
  [3, 12],
];
/** Stars as real shops see them: J-shaped, mostly 4 and 5, a tail of 1s. */
const STARS: ReadonlyArray<readonly [stars: number, weight: number]> = [
  [1, 6],
  [2, 5],
  [3, 11],
  [4, 28],
  [5, 50],
];
/** A product that disappoints, rated accordingly by everyone who reviews it. */
const LEMON_STARS: ReadonlyArray<readonly [stars: number, weight: number]> = [
  [1, 30],
  [2, 25],
  [3, 25],
  [4, 12],
  [5, 8],
];
const LEMON_SHARE = 0.08;

export interface SeedReview {
  readonly id: string;
  readonly productId: string;
  readonly authorId: string;
  readonly rating: number;
  readonly title: string;
  readonly body: string;
  readonly createdAt: Date;
}

/**
 * The demo reviews as rows: for a seeded subset of the catalog's ACTIVE products, up to one review by each
 * demo customer (the unique author/product pair), written between the product's listing and the horizon.
 * Pure and deterministic: the same catalog and seed give the same rows, ids included.
 */
export function generateDemoReviews(catalog: SeedCatalog = generateCatalog(), seed = REVIEWS_SEED): SeedReview[] {
  const rng = createPrng(seed);
  const active = catalog.products.filter((product) => product.status === 'ACTIVE');
  return active.flatMap((product) => {
    const reviewers = rng.sample(DEMO_CUSTOMERS, weighted(rng, REVIEWERS_PER_PRODUCT));
    const stars = rng.chance(LEMON_SHARE) ? LEMON_STARS : STARS;
    return reviewers.map((customer) => reviewRow(product, customer.id, weighted(rng, stars), rng));
  });
}

function reviewRow(product: SeedProduct, authorId: string, rating: number, rng: Prng): SeedReview {
  const texts = REVIEW_TEXTS[sentimentOf(rating)];
  const body = [pick(rng, texts.openings), pick(rng, texts.details), pick(rng, texts.closings)]
    .join(' ')
    .replaceAll('{product}', product.name);
  const earliest = product.createdAt.getTime() + DAY_MS;
  const createdAt = new Date(earliest + Math.floor(rng.next() * Math.max(SEED_HORIZON - earliest, DAY_MS)));
  return {
    id: stableUuid(`review:${authorId}:${product.id}`),
    productId: product.id,
    authorId,
    rating,
    title: pick(rng, texts.titles),
    body,
    createdAt,
  };
}

function weighted(rng: Prng, table: ReadonlyArray<readonly [number, number]>): number {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (table[table.length - 1] as readonly [number, number])[0];
}

function pick<T>(rng: Prng, items: ReadonlyArray<T>): T {
  return items[rng.int(0, items.length - 1)] as T;
}

/** A stable UUID (version 5 layout) for a seeded review, so ids survive a re-seed of a fresh database. */
function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`techally.reviews:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
