import { generateCatalog } from '@techally/demo-data';
import { countStatements, errorCodes, errorCodesByPath, malformedRepresentations } from '@techally/testing';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { DEMO_WAREHOUSES, generateDemoStock } from '../../seed/demo-stock';

const catalog = generateCatalog();
const levels = generateDemoStock(catalog);
const [LONDON, NEWARK, ROTTERDAM] = DEMO_WAREHOUSES;
const UNKNOWN_PRODUCT = '00000000-0000-4000-8000-000000000000';

/** An active product held in all three warehouses, so figures can be set per warehouse. */
const everywhere = catalog.products.find(
  (product) => levels.filter((level) => level.productId === product.id).length === 3,
)!;
const archived = catalog.products.find((product) => product.status === 'ARCHIVED')!;

const STOCK = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id inStock inventory { available reserved } } }
}`;

const BREAKDOWN = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Product {
      id
      inventory {
        available
        warehouses { warehouse { code active } product { id } onHand reserved available updatedAt }
      }
    }
  }
}`;

let h: InventoryHarness;

beforeAll(async () => {
  h = await startInventoryHarness();
  // Figures a reader can check by hand: London 10 on hand (3 reserved), Newark 5 (0), Rotterdam 7 (2) but closed.
  await setFigures(LONDON!.id, 10, 3);
  await setFigures(NEWARK!.id, 5, 0);
  await setFigures(ROTTERDAM!.id, 7, 2);
  await h.sql(`update inventory.warehouse set active = false where id = ?`, [ROTTERDAM!.id]);
});
afterAll(() => h?.stop());

/** Reservations have no API yet (the checkout saga will make them); the test sets figures directly. */
function setFigures(warehouseId: string, onHand: number, reserved: number): Promise<unknown> {
  return h.sql(`update inventory.stock_level set on_hand = ?, reserved = ? where product_id = ? and warehouse_id = ?`, [
    onHand,
    reserved,
    everywhere.id,
    warehouseId,
  ]);
}

function representations(...ids: string[]) {
  return { representations: ids.map((id) => ({ __typename: 'Product', id })) };
}

describe('Product.inventory and Product.inStock (public)', () => {
  it('sums on hand minus reserved over the active warehouses, for anyone', async () => {
    for (const token of [undefined, h.customerToken, h.adminToken]) {
      const response = await h.query(STOCK, representations(everywhere.id), token);
      // London 10 - 3, Newark 5 - 0; closed Rotterdam counts for nothing.
      expect(response).toEqual({ data: { _entities: [{ id: everywhere.id, inStock: true, inventory: { available: 12, reserved: 3 } }] } });
    }
  });

  it('answers zero and not in stock, without an error, for a product with no stock rows', async () => {
    const response = await h.query(STOCK, representations(archived.id, UNKNOWN_PRODUCT));
    expect(response).toEqual({
      data: {
        _entities: [
          { id: archived.id, inStock: false, inventory: { available: 0, reserved: 0 } },
          { id: UNKNOWN_PRODUCT, inStock: false, inventory: { available: 0, reserved: 0 } },
        ],
      },
    });
  });

  it('is not in stock when everything on hand is reserved', async () => {
    // Held, with stock, only in the active warehouses (Rotterdam is closed in this file).
    const held = (id: string) => levels.filter((level) => level.productId === id);
    const product = catalog.products.find(
      (candidate) =>
        held(candidate.id).length > 0 && held(candidate.id).every((level) => level.onHand > 0 && level.warehouseId !== ROTTERDAM!.id),
    )!;
    await h.sql(`update inventory.stock_level set reserved = on_hand where product_id = ?`, [product.id]);
    const response = await h.query<{ _entities: Array<{ inStock: boolean; inventory: { available: number; reserved: number } }> }>(
      STOCK,
      representations(product.id),
    );
    const onHand = held(product.id).reduce((sum, level) => sum + level.onHand, 0);
    expect(response.data?._entities[0]).toMatchObject({ inStock: false, inventory: { available: 0, reserved: onHand } });
  });

  // Issue #9: a malformed representation is the caller's mistake, said as such rather than a silent null.
  it('answers BAD_USER_INPUT for a malformed product id or an unknown __typename without failing the rest of the batch', async () => {
    const response = await h.query(STOCK, {
      representations: [...malformedRepresentations('Product'), { __typename: 'Warehouse', id: 'LON-1' }, { __typename: 'Product', id: everywhere.id }],
    });
    expect(errorCodesByPath(response)).toEqual({ '_entities.0': 'BAD_USER_INPUT', '_entities.1': 'BAD_USER_INPUT', '_entities.2': 'BAD_USER_INPUT' });
    expect(response.data).toEqual({ _entities: [null, null, null, expect.objectContaining({ id: everywhere.id })] });
  });

  it('refuses a request whose token it cannot verify, even for public fields', async () => {
    expect(errorCodes(await h.query(STOCK, representations(everywhere.id), h.foreignToken))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('one answer whichever path reads it', () => {
  // Anyone but an admin reads figures Postgres summed; an admin's request loads the rows and sums them in Node
  // (it may ask for the breakdown). Over the whole seeded catalog (sold out, one to three warehouses, Rotterdam
  // closed in this file, the reservations set above), archived products and an unknown id, they agree.
  it('gives an anonymous caller, a customer and an admin the same inStock, available and reserved for every product', async () => {
    const ids = [...catalog.products.map((product) => product.id), UNKNOWN_PRODUCT];
    const [anonymous, customer, admin] = await Promise.all(
      [undefined, h.customerToken, h.adminToken].map((token) => h.query(STOCK, representations(...ids), token)),
    );
    expect(anonymous!.errors).toBeUndefined();
    expect(customer).toEqual(anonymous);
    expect(admin).toEqual(anonymous);
    expect(anonymous!.data).toEqual({ _entities: expect.arrayContaining([{ id: everywhere.id, inStock: true, inventory: { available: 12, reserved: 3 } }]) });
  });

  it('finds the stock of an id spelled in upper case, for everyone', async () => {
    for (const token of [undefined, h.adminToken]) {
      const response = await h.query(STOCK, representations(everywhere.id.toUpperCase()), token);
      expect(response).toEqual({ data: { _entities: [{ id: everywhere.id.toUpperCase(), inStock: true, inventory: { available: 12, reserved: 3 } }] } });
    }
  });
});

describe('ProductInventory.warehouses (administrators only)', () => {
  it('lists every warehouse holding the product, closed ones included, ordered by code, for an admin', async () => {
    const response = await h.query(BREAKDOWN, representations(everywhere.id), h.adminToken);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      _entities: [
        {
          id: everywhere.id,
          inventory: {
            available: 12,
            warehouses: [
              { warehouse: { code: 'EWR-1', active: true }, product: { id: everywhere.id }, onHand: 5, reserved: 0, available: 5, updatedAt: expect.any(String) },
              { warehouse: { code: 'LON-1', active: true }, product: { id: everywhere.id }, onHand: 10, reserved: 3, available: 7, updatedAt: expect.any(String) },
              { warehouse: { code: 'RTM-1', active: false }, product: { id: everywhere.id }, onHand: 7, reserved: 2, available: 5, updatedAt: expect.any(String) },
            ],
          },
        },
      ],
    });
  });

  it('is an empty list for an admin asking about a product with no stock rows', async () => {
    const response = await h.query(BREAKDOWN, representations(archived.id), h.adminToken);
    expect(response.data).toEqual({ _entities: [{ id: archived.id, inventory: { available: 0, warehouses: [] } }] });
  });

  it.each([
    ['an anonymous caller', undefined, 'UNAUTHENTICATED'],
    ['a customer', 'customer', 'FORBIDDEN'],
  ])('refuses %s on that field alone: %s, while available is still answered', async (_who, token, code) => {
    const response = await h.query(BREAKDOWN, representations(everywhere.id), token ? h.customerToken : undefined);
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0]?.path).toEqual(['_entities', 0, 'inventory', 'warehouses']);
    expect(response.data).toEqual({ _entities: [{ id: everywhere.id, inventory: { available: 12, warehouses: null } }] });
  });
});

describe('the cost of stock fields', () => {
  const active = catalog.products.filter((product) => product.status === 'ACTIVE');

  it('resolves Product references without any SQL', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      const response = await h.query<{ _entities: unknown[] }>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { id } } }`,
        representations(...active.slice(0, 50).map((product) => product.id)),
      );
      expect(response.data?._entities).toHaveLength(50);
      expect(counter.statements).toEqual([]);
    } finally {
      counter.stop();
    }
  });

  it('answers inventory { available } and inStock of 50 products with as many statements as for 5 (one)', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      await h.query(STOCK, representations(...active.slice(0, 5).map((product) => product.id)));
      const few = counter.count;
      counter.reset();
      const response = await h.query<{ _entities: Array<{ inventory: { available: number } }> }>(
        STOCK,
        representations(...active.slice(0, 50).map((product) => product.id)),
      );
      expect(response.data?._entities).toHaveLength(50);
      expect({ few, many: counter.count }).toEqual({ few: 1, many: 1 });
    } finally {
      counter.stop();
    }
  });

  it('adds no statement for the per-warehouse breakdown of 50 products', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      const response = await h.query(BREAKDOWN, representations(...active.slice(0, 50).map((product) => product.id)), h.adminToken);
      expect(response.errors).toBeUndefined();
      expect(counter.count).toBe(1);
    } finally {
      counter.stop();
    }
  });
});
