import { graphql } from '../gql';

export const AdminDashboardOrdersQuery = graphql(`
  query AdminDashboardOrders($first: Int!, $after: String) {
    orders(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AdminOrderRow
        }
      }
    }
  }
`);

export const AdminLowStockQuery = graphql(`
  query AdminLowStock($first: Int!, $after: String) {
    products(first: $first, after: $after, sort: NAME_ASC) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          sku
          inventory {
            warehouses {
              onHand
              reserved
              available
              warehouse {
                id
                code
                active
              }
            }
          }
        }
      }
    }
  }
`);
