import { countStatements, errorCodes, errorCodesByPath } from '@techally/testing';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { DEMO_WAREHOUSES } from '../../seed/demo-stock';

const WAREHOUSES = `{ warehouses { id code name city country active } }`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Warehouse { id code city } }
}`;

let h: InventoryHarness;

beforeAll(async () => {
  h = await startInventoryHarness();
});
afterAll(() => h?.stop());

describe('warehouses (administrators only)', () => {
  it('lists every warehouse by code for an admin', async () => {
    const response = await h.query(WAREHOUSES, {}, h.adminToken);
    expect(response).toEqual({
      data: {
        warehouses: [
          { id: DEMO_WAREHOUSES[1].id, code: 'EWR-1', name: 'Newark Port', city: 'Newark', country: 'US', active: true },
          { id: DEMO_WAREHOUSES[0].id, code: 'LON-1', name: 'London Park Royal', city: 'London', country: 'GB', active: true },
          { id: DEMO_WAREHOUSES[2].id, code: 'RTM-1', name: 'Rotterdam Maasvlakte', city: 'Rotterdam', country: 'NL', active: true },
        ],
      },
    });
  });

  it('refuses an anonymous caller with UNAUTHENTICATED and a customer with FORBIDDEN', async () => {
    expect(errorCodes(await h.query(WAREHOUSES))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await h.query(WAREHOUSES, {}, h.customerToken))).toEqual(['FORBIDDEN']);
  });
});

describe('Warehouse entity references', () => {
  const representations = {
    representations: [
      { __typename: 'Warehouse', id: DEMO_WAREHOUSES[0].id },
      { __typename: 'Warehouse', id: '5b0e7c1a-3f2d-4e8b-9a61-7d2c0000ffff' },
      { __typename: 'Warehouse', id: DEMO_WAREHOUSES[2].id },
    ],
  };

  it('resolve for an admin, null for an unknown id, in one statement', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      const response = await h.query(ENTITIES, representations, h.adminToken);
      expect(response).toEqual({
        data: {
          _entities: [
            { id: DEMO_WAREHOUSES[0].id, code: 'LON-1', city: 'London' },
            null,
            { id: DEMO_WAREHOUSES[2].id, code: 'RTM-1', city: 'Rotterdam' },
          ],
        },
      });
      expect(counter.count).toBe(1);
    } finally {
      counter.stop();
    }
  });

  it('are refused to anyone else, since _entities can be called directly', async () => {
    const anonymous = await h.query(ENTITIES, representations);
    expect(new Set(errorCodes(anonymous))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(anonymous.data).toEqual({ _entities: [null, null, null] });
    const customer = await h.query(ENTITIES, representations, h.customerToken);
    expect(new Set(errorCodes(customer))).toEqual(new Set(['FORBIDDEN']));
    expect(customer.data).toEqual({ _entities: [null, null, null] });
  });

  // Issue #9: a code where the id belongs is the caller's mistake, said as such rather than a silent null.
  it('answer BAD_USER_INPUT for an id that is not a UUID, before asking who the caller is', async () => {
    for (const token of [h.adminToken, undefined]) {
      const response = await h.query(ENTITIES, { representations: [{ __typename: 'Warehouse', id: 'LON-1' }] }, token);
      expect(errorCodesByPath(response)).toEqual({ '_entities.0': 'BAD_USER_INPUT' });
    }
  });
});
