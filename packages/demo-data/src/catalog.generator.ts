import { createHash } from 'node:crypto';
import { slugify } from '@techally/platform';
import { ASSORTMENTS, CATEGORY_TREE, type Assortment, type CategoryNode, type ProductLine, type Variant } from './catalog';
import { createPrng, type Prng } from './prng';

/** The seed every start uses, so the demo shop is the same on every machine. */
export const CATALOG_SEED = 20_250_106;
/** Products are dated across these months, so "newest first" means something. */
const FIRST_LISTED = Date.UTC(2025, 0, 6, 9, 0, 0);
const LISTING_SPAN_MINUTES = 300 * 24 * 60;
const ARCHIVED_SHARE = 0.03;

export interface SeedCategory {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly parentId: string | null;
  readonly position: number;
  /** 1 for a top-level department. */
  readonly depth: number;
}

export interface SeedProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly priceAmount: number;
  readonly currency: 'USD';
  readonly weightGrams: number;
  readonly categoryId: string;
  readonly status: 'ACTIVE' | 'ARCHIVED';
  readonly createdAt: Date;
}

export interface SeedCatalog {
  readonly categories: ReadonlyArray<SeedCategory>;
  readonly products: ReadonlyArray<SeedProduct>;
}

/**
 * The demo catalog as rows, computed from the curated lists: every line of every assortment in a few of its
 * variants, with descriptions, dates and a few archived products drawn from a seeded generator. Pure and
 * deterministic: the same seed gives the same rows, ids included.
 */
export function generateCatalog(seed = CATALOG_SEED): SeedCatalog {
  const rng = createPrng(seed);
  const categories = flattenTree(CATEGORY_TREE, null, 1);
  const categoryIds = new Map(categories.map((category) => [category.slug, category.id]));
  const products = ASSORTMENTS.flatMap((assortment) => {
    const categoryId = categoryIds.get(assortment.category);
    if (!categoryId) throw new Error(`assortment for unknown category "${assortment.category}"`);
    return assortment.lines.flatMap((line) =>
      stockedVariants(assortment, line, rng).map((variant) => productRow(assortment, line, variant, categoryId, rng)),
    );
  });
  assertUnique(products, 'sku');
  assertUnique(products, 'slug');
  return { categories, products };
}

/** A stable UUID (version 5 layout) for a seeded row, so ids survive a re-seed of a fresh database. */
export function seedUuid(name: string): string {
  const bytes = createHash('sha1').update(`techally.products:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function flattenTree(nodes: ReadonlyArray<CategoryNode>, parentId: string | null, depth: number): SeedCategory[] {
  return nodes.flatMap((node, position) => {
    const id = seedUuid(`category:${node.slug}`);
    const category: SeedCategory = { id, name: node.name, slug: node.slug, parentId, position, depth };
    return [category, ...flattenTree(node.children ?? [], id, depth + 1)];
  });
}

function stockedVariants(assortment: Assortment, line: ProductLine, rng: Prng): Variant[] {
  return rng.sample(line.variants ?? assortment.variants, assortment.variantsPerLine ?? 2);
}

function productRow(assortment: Assortment, line: ProductLine, variant: Variant, categoryId: string, rng: Prng): SeedProduct {
  const name = assortment.name ? assortment.name(line, variant) : `${line.brand} ${line.model} (${variant.label})`;
  const sku = `${line.code}-${variant.code}`;
  const features = rng.sample(assortment.features, 2);
  return {
    id: seedUuid(`product:${sku}`),
    sku,
    name,
    slug: slugify(name),
    description: [line.blurb, ...features].join(' '),
    priceAmount: line.price + (variant.price ?? 0),
    currency: 'USD',
    weightGrams: line.weight + (variant.weight ?? 0),
    categoryId,
    status: rng.chance(ARCHIVED_SHARE) ? 'ARCHIVED' : 'ACTIVE',
    createdAt: new Date(FIRST_LISTED + rng.int(0, LISTING_SPAN_MINUTES) * 60_000),
  };
}

function assertUnique(products: ReadonlyArray<SeedProduct>, key: 'sku' | 'slug'): void {
  const seen = new Set<string>();
  for (const product of products) {
    if (seen.has(product[key])) throw new Error(`seed catalog has two products with ${key} "${product[key]}"`);
    seen.add(product[key]);
  }
}
