import { SKU_PATTERN } from '../../product/product.validation';
import { ASSORTMENTS, createPrng, generateCatalog, seedUuid } from '@techally/demo-data';
import { SLUG_PATTERN, isUuid } from '@techally/platform';

describe('the demo catalog generator', () => {
  const catalog = generateCatalog();

  it('is deterministic: the same rows, ids and dates on every run', () => {
    expect(generateCatalog()).toEqual(catalog);
    expect(catalog.products.find((product) => product.sku === 'SNY-WH1000XM5-BLU')?.id).toBe(seedUuid('product:SNY-WH1000XM5-BLU'));
  });

  it('makes at least 200 products with valid, unique SKUs and slugs', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(200);
    expect(new Set(catalog.products.map((product) => product.sku)).size).toBe(catalog.products.length);
    expect(new Set(catalog.products.map((product) => product.slug)).size).toBe(catalog.products.length);
    for (const product of catalog.products) {
      expect(product.sku).toMatch(SKU_PATTERN);
      expect(product.slug).toMatch(SLUG_PATTERN);
      expect(isUuid(product.id)).toBe(true);
    }
  });

  it('builds a category tree three levels deep, with products only in its leaves', () => {
    expect(Math.max(...catalog.categories.map((category) => category.depth))).toBe(3);
    const parents = new Set(catalog.categories.map((category) => category.parentId));
    for (const product of catalog.products) expect(parents.has(product.categoryId)).toBe(false);
    expect(new Set(ASSORTMENTS.map((assortment) => assortment.category)).size).toBe(ASSORTMENTS.length);
  });

  it('prices in USD cents and weighs in grams, within plausible bounds', () => {
    for (const product of catalog.products) {
      expect(product.currency).toBe('USD');
      expect(Number.isInteger(product.priceAmount)).toBe(true);
      expect(product.priceAmount).toBeGreaterThanOrEqual(999);
      expect(product.priceAmount).toBeLessThanOrEqual(300_000);
      expect(product.weightGrams).toBeGreaterThan(0);
      expect(product.weightGrams).toBeLessThan(30_000);
    }
  });

  it('writes descriptions of a few full sentences', () => {
    for (const product of catalog.products) {
      expect(product.description.split('. ').length).toBeGreaterThanOrEqual(3);
      expect(product.description).toMatch(/\.$/);
    }
  });

  it('archives a few products, not many', () => {
    const archived = catalog.products.filter((product) => product.status === 'ARCHIVED').length;
    expect(archived).toBeGreaterThan(0);
    expect(archived).toBeLessThan(catalog.products.length / 10);
  });
});

describe('the seeded PRNG', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createPrng(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('samples distinct items in their original order', () => {
    const rng = createPrng(7);
    for (let round = 0; round < 50; round++) {
      const picked = rng.sample([1, 2, 3, 4, 5], 3);
      expect(picked).toHaveLength(3);
      expect([...picked].sort()).toEqual(picked);
      expect(new Set(picked).size).toBe(3);
    }
  });
});
