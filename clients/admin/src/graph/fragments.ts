import { graphql } from '../gql';

// Selections several pages share. Codegen finds each fragment by name wherever an operation spreads it.

export const AdminMoney = graphql(`
  fragment AdminMoney on Money {
    amount
    currency
    formatted
  }
`);

export const AdminPageInfo = graphql(`
  fragment AdminPageInfo on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** One product's stock in one warehouse. */
export const AdminStockLevel = graphql(`
  fragment AdminStockLevel on WarehouseStock {
    onHand
    reserved
    available
    updatedAt
    warehouse {
      id
      code
      name
      active
    }
  }
`);
