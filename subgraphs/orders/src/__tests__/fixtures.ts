import type { FixtureAddress, FixtureProduct } from './stand-in-subgraphs';

/** The people of the order specs: two customers and an administrator. */
export const CUSTOMER_A = '0a000000-0000-4000-8000-00000000000a';
export const CUSTOMER_B = '0b000000-0000-4000-8000-00000000000b';
export const ADMIN = '0ad00000-0000-4000-8000-0000000000ad';

/** The catalog the products stand-in serves. Prices in USD cents, weights in grams. */
export const CABLE: FixtureProduct = {
  id: '10000000-0000-4000-8000-000000000001',
  sku: 'ANK-USBC-2M',
  name: 'USB-C Cable 2 m',
  status: 'ACTIVE',
  price: { amount: 1_999, currency: 'USD' },
  weight: 200,
};
export const HEADPHONES: FixtureProduct = {
  id: '10000000-0000-4000-8000-000000000002',
  sku: 'SNY-WH1000XM5-BLK',
  name: 'Sony WH-1000XM5, Black',
  status: 'ACTIVE',
  price: { amount: 34_900, currency: 'USD' },
  weight: 250,
};
export const KETTLEBELL: FixtureProduct = {
  id: '10000000-0000-4000-8000-000000000003',
  sku: 'KB-CAST-8KG',
  name: 'Cast Iron Kettlebell 8 kg',
  status: 'ACTIVE',
  price: { amount: 3_500, currency: 'USD' },
  weight: 8_000,
};
export const ARCHIVED_PHONE: FixtureProduct = {
  id: '10000000-0000-4000-8000-000000000004',
  sku: 'OLD-PHONE-7',
  name: 'Old Phone 7',
  status: 'ARCHIVED',
  price: { amount: 19_900, currency: 'USD' },
  weight: 180,
};
export const EURO_MUG: FixtureProduct = {
  id: '10000000-0000-4000-8000-000000000005',
  sku: 'EU-MUG-1',
  name: 'Mug priced in euros',
  status: 'ACTIVE',
  price: { amount: 1_200, currency: 'EUR' },
  weight: 300,
};
export const UNKNOWN_PRODUCT = '10000000-0000-4000-8000-0000000000ff';

/** A line of `order-placed` / `order-paid` as the order stored it at placeOrder (issue #14: name, SKU, unit price). */
export function eventLine(product: FixtureProduct, quantity: number) {
  return { productId: product.id, quantity, name: product.name, sku: product.sku, unitPrice: product.price };
}

export const FIXTURE_PRODUCTS: ReadonlyArray<FixtureProduct> = [CABLE, HEADPHONES, KETTLEBELL, ARCHIVED_PHONE, EURO_MUG];

function address(id: string, fields: Partial<FixtureAddress> & Pick<FixtureAddress, 'country' | 'city'>): FixtureAddress {
  return {
    id,
    label: 'Home',
    fullName: 'Ada Lovelace',
    line1: '12 Example Street',
    line2: null,
    region: null,
    postalCode: '00000',
    phone: null,
    isDefault: false,
    ...fields,
  };
}

export const A_IN_US = address('a0000000-0000-4000-8000-0000000000a1', {
  city: 'New York',
  region: 'NY',
  postalCode: '10013',
  country: 'US',
  line2: 'Apt 4',
  phone: '+1 212 555 0102',
  isDefault: true,
});
export const A_IN_GB = address('a0000000-0000-4000-8000-0000000000a2', { city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' });
export const A_IN_JP = address('a0000000-0000-4000-8000-0000000000a3', { city: 'Tokyo', postalCode: '100-0001', country: 'JP' });
export const B_IN_DE = address('b0000000-0000-4000-8000-0000000000b1', {
  fullName: 'Grace Hopper',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
  isDefault: true,
});

export const ADDRESS_BOOKS: Readonly<Record<string, ReadonlyArray<FixtureAddress>>> = {
  [CUSTOMER_A]: [A_IN_US, A_IN_GB, A_IN_JP],
  [CUSTOMER_B]: [B_IN_DE],
};
