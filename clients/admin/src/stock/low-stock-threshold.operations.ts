import { graphql } from '../gql';

/**
 * Every threshold an administrator set (the notifications subgraph answers with all of them: a page picks its
 * product's); a product or warehouse without one alerts below the shop's default.
 */
export const AdminLowStockThresholdsQuery = graphql(`
  query AdminLowStockThresholds {
    lowStockThresholds {
      product {
        id
      }
      warehouse {
        id
      }
      threshold
      updatedAt
    }
  }
`);

export const AdminSetLowStockThresholdMutation = graphql(`
  mutation AdminSetLowStockThreshold($productId: ID!, $warehouseId: ID, $threshold: Int!) {
    setLowStockThreshold(productId: $productId, warehouseId: $warehouseId, threshold: $threshold) {
      product {
        id
      }
      warehouse {
        id
      }
      threshold
      updatedAt
    }
  }
`);
