import { graphql } from '../gql';

export const AdminWarehousesQuery = graphql(`
  query AdminWarehouses {
    warehouses {
      id
      code
      name
      city
      country
      active
    }
  }
`);

export const AdminAdjustStockMutation = graphql(`
  mutation AdminAdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      onHand
      reserved
      available
      updatedAt
      warehouse {
        id
        code
      }
      product {
        id
        inventory {
          available
          reserved
        }
      }
    }
  }
`);

export const ADJUSTMENT_REASONS = ['RECEIVED', 'RETURNED', 'CORRECTION', 'DAMAGED', 'LOST'] as const;
