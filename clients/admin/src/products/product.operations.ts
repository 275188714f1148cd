import { graphql } from '../gql';

export const AdminProductListQuery = graphql(`
  query AdminProductList($first: Int!, $after: String, $filter: ProductFilter) {
    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          sku
          status
          price {
            amount
            currency
            formatted
          }
          category {
            id
            name
          }
          inventory {
            available
          }
        }
      }
    }
  }
`);

export const AdminProductQuery = graphql(`
  query AdminProduct($id: ID!) {
    product(id: $id) {
      id
      name
      sku
      slug
      description
      weight
      status
      updatedAt
      price {
        amount
        currency
        formatted
      }
      category {
        id
        name
      }
      inventory {
        available
        reserved
        warehouses {
          onHand
          reserved
          available
          updatedAt
          warehouse {
            id
            code
            name
          }
        }
      }
    }
  }
`);

export const AdminCreateProductMutation = graphql(`
  mutation AdminCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      name
      status
    }
  }
`);

export const AdminUpdateProductMutation = graphql(`
  mutation AdminUpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      id
      name
      slug
      description
      weight
      updatedAt
      price {
        amount
        currency
        formatted
      }
      category {
        id
        name
      }
    }
  }
`);

export const AdminArchiveProductMutation = graphql(`
  mutation AdminArchiveProduct($id: ID!) {
    archiveProduct(id: $id) {
      id
      status
    }
  }
`);
