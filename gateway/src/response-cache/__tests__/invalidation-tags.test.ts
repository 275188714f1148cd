import { createEvent } from '@techally/events';
import { tagsInvalidatedBy } from '../invalidation-tags';

const PRODUCT = '0F3C7E1A-1111-4222-8333-444455556666';
const product = PRODUCT.toLowerCase();
const CATEGORY = '1a2b3c4d-1111-4222-8333-444455556666';
const PARENT = '9a2b3c4d-1111-4222-8333-444455556666';

describe('what a domain event invalidates', () => {
  it('stock: that product’s stock wherever it was read', () => {
    const event = createEvent('inventory.stock-changed.v1', PRODUCT, { productId: PRODUCT, available: 0, inStock: false });
    expect(tagsInvalidatedBy(event)).toEqual([`inventory:Product:${product}`, 'inventory:*']);
  });

  it('a price: the product, and every listing (a price filter or sort may place it elsewhere)', () => {
    const money = { amount: 100, currency: 'USD' };
    const event = createEvent('products.price-changed.v1', PRODUCT, {
      productId: PRODUCT,
      sku: 'KETTLE-1',
      categoryId: CATEGORY,
      price: money,
      previousPrice: { ...money, amount: 200 },
    });
    expect(tagsInvalidatedBy(event)).toEqual([`products:Product:${product}`, 'products:Query.products', 'products:*']);
  });

  it('a new or archived product: every root read of products (which listings it is in), the product and its category', () => {
    for (const type of ['products.product-created.v1', 'products.product-archived.v1'] as const) {
      const event = createEvent(type, PRODUCT, { productId: PRODUCT, sku: 'KETTLE-1', categoryId: CATEGORY });
      expect(tagsInvalidatedBy(event)).toEqual([`products:Product:${product}`, `products:Category:${CATEGORY}`, 'products:Query', 'products:*']);
    }
  });

  it('an edit: the product, both categories when it moved, and every root read', () => {
    const event = createEvent('products.product-updated.v1', PRODUCT, {
      productId: PRODUCT,
      sku: 'KETTLE-1',
      categoryId: CATEGORY,
      previousCategoryId: PARENT,
      changedFields: ['category'],
    });
    expect(tagsInvalidatedBy(event)).toEqual([
      `products:Product:${product}`,
      `products:Category:${CATEGORY}`,
      `products:Category:${PARENT}`,
      'products:Query',
      'products:*',
    ]);
  });

  it('a category: it, its parent and every root read', () => {
    const event = createEvent('products.category-changed.v1', CATEGORY, { categoryId: CATEGORY, parentId: PARENT });
    expect(tagsInvalidatedBy(event)).toEqual([`products:Category:${CATEGORY}`, `products:Category:${PARENT}`, 'products:Query', 'products:*']);
  });

  it('a rating: the product’s reviews and rating', () => {
    const event = createEvent('reviews.rating-changed.v1', PRODUCT, { productId: PRODUCT, average: 4, count: 1 });
    expect(tagsInvalidatedBy(event)).toEqual([`reviews:Product:${product}`, 'reviews:*']);
  });

  it('nothing for an event no cached answer depends on', () => {
    const event = createEvent('payments.payment-refunded.v1', PRODUCT, { orderId: PRODUCT, paymentId: PRODUCT });
    expect(tagsInvalidatedBy(event)).toEqual([]);
  });
});
