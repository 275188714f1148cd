import { allocate, sumRequested, type WarehouseSupply } from '../allocation';

const P1 = '10000000-0000-4000-8000-000000000001';
const P2 = '20000000-0000-4000-8000-000000000002';
const P3 = '30000000-0000-4000-8000-000000000003';
const WA = 'aaaaaaaa-0000-4000-8000-00000000000a';
const WB = 'bbbbbbbb-0000-4000-8000-00000000000b';
const WC = 'cccccccc-0000-4000-8000-00000000000c';

function supply(productId: string, available: Record<string, number>): WarehouseSupply[] {
  return Object.entries(available).map(([warehouseId, units]) => ({ productId, warehouseId, available: units }));
}

describe('sumRequested', () => {
  it('sums duplicate lines of one product and orders products by id', () => {
    expect(
      sumRequested([
        { productId: P2, quantity: 1 },
        { productId: P1, quantity: 2 },
        { productId: P2, quantity: 3 },
      ]),
    ).toEqual([
      { productId: P1, quantity: 2 },
      { productId: P2, quantity: 4 },
    ]);
  });

  it('treats an upper-case id as the same product (Postgres prints UUIDs in lower case)', () => {
    expect(sumRequested([{ productId: P1.toUpperCase(), quantity: 1 }, { productId: P1, quantity: 1 }])).toEqual([{ productId: P1, quantity: 2 }]);
  });
});

describe('allocate', () => {
  it('takes a product from the one warehouse with the most available when it covers the quantity', () => {
    expect(allocate([{ productId: P1, quantity: 3 }], supply(P1, { [WA]: 3, [WB]: 5, [WC]: 4 }))).toEqual({
      ok: true,
      allocations: [{ productId: P1, warehouseId: WB, quantity: 3 }],
    });
  });

  it('splits a product no warehouse covers alone, most available first, over as few warehouses as possible', () => {
    expect(allocate([{ productId: P1, quantity: 9 }], supply(P1, { [WA]: 2, [WB]: 5, [WC]: 4 }))).toEqual({
      ok: true,
      allocations: [
        { productId: P1, warehouseId: WB, quantity: 5 },
        { productId: P1, warehouseId: WC, quantity: 4 },
      ],
    });
  });

  it('breaks ties by the lowest warehouse id, so the same stock always gives the same answer', () => {
    expect(allocate([{ productId: P1, quantity: 2 }], supply(P1, { [WC]: 4, [WA]: 4 }))).toEqual({
      ok: true,
      allocations: [{ productId: P1, warehouseId: WA, quantity: 2 }],
    });
  });

  it('may use every unit there is', () => {
    const result = allocate([{ productId: P1, quantity: 6 }], supply(P1, { [WA]: 2, [WB]: 4 }));
    expect(result).toEqual({ ok: true, allocations: [{ productId: P1, warehouseId: WA, quantity: 2 }, { productId: P1, warehouseId: WB, quantity: 4 }] });
  });

  it('allocates nothing at all when one product of several is short, naming every short product', () => {
    const result = allocate(
      [
        { productId: P1, quantity: 1 },
        { productId: P2, quantity: 5 },
        { productId: P3, quantity: 2 },
      ],
      [...supply(P1, { [WA]: 10 }), ...supply(P2, { [WA]: 2, [WB]: 2 }), ...supply(P3, { [WB]: 1 })],
    );
    expect(result).toEqual({ ok: false, shortProductIds: [P2, P3] });
  });

  it('finds a product without any stock short (unknown to inventory)', () => {
    expect(allocate([{ productId: P3, quantity: 1 }], supply(P1, { [WA]: 10 }))).toEqual({ ok: false, shortProductIds: [P3] });
  });

  it('ignores rows with nothing available', () => {
    expect(allocate([{ productId: P1, quantity: 1 }], supply(P1, { [WA]: 0, [WB]: 0 }))).toEqual({ ok: false, shortProductIds: [P1] });
  });

  it('lists the allocations of several products by product then warehouse id', () => {
    const result = allocate(
      [
        { productId: P1, quantity: 4 },
        { productId: P2, quantity: 1 },
      ],
      [...supply(P2, { [WC]: 3 }), ...supply(P1, { [WB]: 3, [WA]: 1 })],
    );
    expect(result).toEqual({
      ok: true,
      allocations: [
        { productId: P1, warehouseId: WA, quantity: 1 },
        { productId: P1, warehouseId: WB, quantity: 3 },
        { productId: P2, warehouseId: WC, quantity: 1 },
      ],
    });
  });
});
