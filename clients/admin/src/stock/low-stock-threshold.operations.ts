import { graphql } from '../gql';

/**
 * A product's thresholds (its own and its warehouses'), and the shop's default that applies where none is set.
 */
export const AdminLowStockThresholdsQuery = graphql(`
  query AdminLowStockThresholds($productId: ID!) {
    lowStockThresholds(productId: $productId) {
      product {
        id
      }
      warehouse {
        id
      }
      threshold
      updatedAt
    }
    lowStockDefaultThreshold
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

/** Removes one threshold, so the product's own (then the default) applies again. */
export const AdminRemoveLowStockThresholdMutation = graphql(`
  mutation AdminRemoveLowStockThreshold($productId: ID!, $warehouseId: ID) {
    removeLowStockThreshold(productId: $productId, warehouseId: $warehouseId)
  }
`);
