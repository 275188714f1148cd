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
      ...AdminStockLevel
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

/** Products with their stock in every warehouse (the stock page, and the dashboard's low-stock scan). */
export const AdminStockQuery = graphql(`
  query AdminStock($first: Int!, $after: String, $filter: ProductFilter) {
    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {
      totalCount
      pageInfo {
        ...AdminPageInfo
      }
      edges {
        node {
          id
          name
          sku
          inventory {
            available
            reserved
            warehouses {
              ...AdminStockLevel
            }
          }
        }
      }
    }
  }
`);

export const ADJUSTMENT_REASONS = ['RECEIVED', 'RETURNED', 'CORRECTION', 'DAMAGED', 'LOST'] as const;
