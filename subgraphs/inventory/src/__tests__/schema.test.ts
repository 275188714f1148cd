import { graphql } from 'graphql';
import { buildInventorySchema } from '..';

// buildInventorySchema needs no database and no configuration: the compose script prints SDL from it.
describe('the inventory subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    // What the composition tooling reads: the subgraph's own `_service.sdl`.
    const result = await graphql({ schema: await buildInventorySchema(), source: '{ _service { sdl } }' });
    sdl = (result.data as { _service: { sdl: string } })._service.sdl;
  });

  it('links federation and extends Product by its id, adding inventory and inStock (tagged for partners)', () => {
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Product\s+@key\(fields: "id"\)\s+@cacheControl\(maxAge: 60\)\s*\{\s*id: ID! @tag\(name: "partner"\)\s+"""[^"]*"""\s+inventory: ProductInventory!\s+"""[^"]*"""\s+inStock: Boolean! @tag\(name: "partner"\)\s*\}/);
  });

  it('makes Warehouse an entity keyed by id', () => {
    expect(sdl).toMatch(/type Warehouse\s+@key\(fields: "id"\)/);
    for (const field of ['id: ID!', 'code: String!', 'name: String!', 'city: String!', 'country: String!', 'active: Boolean!']) {
      expect(sdl).toContain(field);
    }
  });

  it('sums stock publicly and breaks it down per warehouse in a nullable, admin-only list', () => {
    expect(sdl).toMatch(/type ProductInventory\s+@cacheControl\(inheritMaxAge: true\)\s*\{[^}]*available: Int!\n[^}]*reserved: Int! @cacheControl\(maxAge: 0\)\n[^}]*warehouses: \[WarehouseStock!\] @cacheControl\(scope: PRIVATE\)\n/);
    expect(sdl).toMatch(/type WarehouseStock \{[^}]*warehouse: Warehouse![^}]*product: Product![^}]*onHand: Int![^}]*reserved: Int![^}]*available: Int![^}]*updatedAt: DateTime![^}]*\}/);
  });

  it('offers warehouses and adjustStock', () => {
    expect(sdl).toContain('warehouses: [Warehouse!]!');
    expect(sdl).toContain('adjustStock(input: AdjustStockInput!): WarehouseStock!');
    expect(sdl).toMatch(/input AdjustStockInput \{\s*productId: ID!\s*warehouseId: ID![^}]*delta: Int!\s*reason: StockAdjustmentReason![^}]*note: String\s*\}/);
    expect(sdl).toMatch(/enum StockAdjustmentReason \{[^}]*RECEIVED[^}]*DAMAGED[^}]*LOST[^}]*RETURNED[^}]*CORRECTION[^}]*\}/);
  });

  it('tags nothing else for partners (stock figures per warehouse are not theirs)', () => {
    expect(sdl.match(/@tag\(name: "partner"\)/g)).toHaveLength(2);
  });
});
