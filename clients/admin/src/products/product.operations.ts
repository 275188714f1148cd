import { graphql } from '../gql';

export const AdminProductListQuery = graphql(`
  query AdminProductList($first: Int!, $after: String, $filter: ProductFilter) {
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
          status
          price {
            ...AdminMoney
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

/** What the product page edits (the update answers it too, so the page shows what was saved). */
export const AdminProductFields = graphql(`
  fragment AdminProductFields on Product {
    id
    name
    sku
    slug
    description
    weight
    status
    updatedAt
    price {
      ...AdminMoney
    }
    category {
      id
      name
    }
  }
`);

export const AdminProductQuery = graphql(`
  query AdminProduct($id: ID!) {
    product(id: $id) {
      ...AdminProductFields
      inventory {
        available
        reserved
        warehouses {
          ...AdminStockLevel
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
      ...AdminProductFields
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
