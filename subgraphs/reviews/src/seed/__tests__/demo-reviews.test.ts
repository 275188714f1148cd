import { DEMO_CUSTOMERS, generateCatalog } from '@techally/demo-data';
import { generateDemoReviews } from '../demo-reviews';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from '../../review/review.validation';

const catalog = generateCatalog();
const reviews = generateDemoReviews(catalog);

describe('the demo reviews', () => {
  it('are the same on every call, ids included', () => {
    expect(generateDemoReviews(catalog)).toEqual(reviews);
    expect(new Set(reviews.map((review) => review.id)).size).toBe(reviews.length);
  });

  it('are a subset of the active products, reviewed by the three demo customers at most once each', () => {
    const activeIds = new Set(catalog.products.filter((product) => product.status === 'ACTIVE').map((product) => product.id));
    const customerIds = new Set<string>(DEMO_CUSTOMERS.map((customer) => customer.id));
    expect(reviews.every((review) => activeIds.has(review.productId) && customerIds.has(review.authorId))).toBe(true);
    const pairs = new Set(reviews.map((review) => `${review.authorId}|${review.productId}`));
    expect(pairs.size).toBe(reviews.length);
    const reviewedProducts = new Set(reviews.map((review) => review.productId));
    expect(reviewedProducts.size).toBeGreaterThan(activeIds.size / 3);
    expect(reviewedProducts.size).toBeLessThan(activeIds.size);
  });

  it('are rated the way real shops are: mostly 4 and 5 stars, every rating present', () => {
    const counts = [1, 2, 3, 4, 5].map((stars) => reviews.filter((review) => review.rating === stars).length);
    const average = reviews.reduce((sum, review) => sum + review.rating, 0) / reviews.length;
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(counts[4]).toBe(Math.max(...counts));
    expect(average).toBeGreaterThan(3.6);
    expect(average).toBeLessThan(4.5);
  });

  it('read like reviews: text within the limits, written after the product was listed', () => {
    const listed = new Map(catalog.products.map((product) => [product.id, product.createdAt.getTime()]));
    for (const review of reviews) {
      expect(review.title.length).toBeGreaterThan(0);
      expect(review.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(review.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
      expect(review.body).not.toContain('{product}');
      expect(review.createdAt.getTime()).toBeGreaterThan(listed.get(review.productId)!);
    }
    const negative = reviews.find((review) => review.rating === 1)!;
    const glowing = reviews.find((review) => review.rating === 5)!;
    expect(negative.title).not.toBe(glowing.title);
  });
});
