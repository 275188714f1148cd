import { encodeCursor } from '@techally/platform';
import { decodeProductCursor, productCursor } from '../product.cursor';
import { Product } from '../product.entity';
import { ProductSort } from '../product-sort';

function product(): Product {
  const made = new Product();
  made.id = '45af4692-0654-5b91-9094-70960031ad33';
  made.name = 'Lenovo ThinkPad X1 Carbon Gen 12 (16GB RAM, 512GB SSD)';
  made.priceAmount = 149_999;
  made.createdAt = new Date('2025-02-13T19:00:00.123Z');
  return made;
}

describe('product listing cursors', () => {
  it.each([
    [ProductSort.NEWEST, new Date('2025-02-13T19:00:00.123Z')],
    [ProductSort.PRICE_ASC, 149_999],
    [ProductSort.PRICE_DESC, 149_999],
    [ProductSort.NAME_ASC, 'Lenovo ThinkPad X1 Carbon Gen 12 (16GB RAM, 512GB SSD)'],
  ])('round-trip the %s position of a product', (sort, value) => {
    expect(decodeProductCursor(sort, productCursor(sort, product()))).toEqual({ value, id: product().id });
  });

  it('keep millisecond precision for dates', () => {
    const { value } = decodeProductCursor(ProductSort.NEWEST, productCursor(ProductSort.NEWEST, product()));
    expect((value as Date).toISOString()).toBe('2025-02-13T19:00:00.123Z');
  });

  it('refuse a cursor issued for another sort', () => {
    const cursor = productCursor(ProductSort.PRICE_ASC, product());
    expect(() => decodeProductCursor(ProductSort.PRICE_DESC, cursor)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });

  it.each([
    ['garbage', 'garbage'],
    ['the wrong arity', encodeCursor(['NEWEST', '2025-01-01T00:00:00.000Z'])],
    ['an id that is not a UUID', encodeCursor(['NEWEST', '2025-01-01T00:00:00.000Z', 'x'])],
    ['an unparseable date', encodeCursor(['NEWEST', 'soon', '45af4692-0654-5b91-9094-70960031ad33'])],
  ])('refuse %s with BAD_USER_INPUT', (_case, cursor) => {
    expect(() => decodeProductCursor(ProductSort.NEWEST, cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuse a price that is not a whole number of minor units', () => {
    const cursor = encodeCursor(['PRICE_ASC', 10.5, '45af4692-0654-5b91-9094-70960031ad33']);
    expect(() => decodeProductCursor(ProductSort.PRICE_ASC, cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
