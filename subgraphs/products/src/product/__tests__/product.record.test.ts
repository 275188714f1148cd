import { productRecordFromRow, type ProductRow } from '../product.record';
import { ProductStatus } from '../product-status';

const row: ProductRow = {
  id: '6f1c0a52-3a9e-4d7b-9a57-6c1a3c1d2e4f',
  sku: 'LAP-13-SLV',
  name: 'Laptop 13',
  slug: 'laptop-13',
  description: 'Light.',
  price_amount: 129_999,
  currency: 'USD',
  weight_grams: 1240,
  category_id: '0b8f3c5e-2f3d-4b8a-8d1c-1a2b3c4d5e6f',
  status: 'ARCHIVED',
  created_at: '2026-11-26 05:49:12.345+00',
  updated_at: '2026-11-26 07:49:12.3+02',
};

describe('productRecordFromRow', () => {
  it('maps a row as the pg driver returns it (timestamps as text) to the record the entity path gives', () => {
    expect(productRecordFromRow(row)).toEqual({
      id: row.id,
      sku: 'LAP-13-SLV',
      name: 'Laptop 13',
      slug: 'laptop-13',
      description: 'Light.',
      priceAmount: 129_999,
      currency: 'USD',
      weightGrams: 1240,
      categoryId: row.category_id,
      status: ProductStatus.ARCHIVED,
      createdAt: new Date('2026-11-26T05:49:12.345Z'),
      updatedAt: new Date('2026-11-26T05:49:12.300Z'),
    });
  });

  it('keeps a Date the driver already parsed', () => {
    const createdAt = new Date('2026-01-02T03:04:05.006Z');
    expect(productRecordFromRow({ ...row, created_at: createdAt }).createdAt).toEqual(createdAt);
  });
});
