/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n": typeof types.StorefrontCartProductDocument,
    "\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.StorefrontCategoriesDocument,
    "\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n": typeof types.StorefrontProductCardFragmentDoc,
    "\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StorefrontProductReviewsDocument,
    "\n  query StorefrontSearchSuggestions($search: String!, $first: Int!) {\n    products(first: $first, filter: { search: $search }, sort: NAME_ASC) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": typeof types.StorefrontSearchSuggestionsDocument,
    "\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n": typeof types.StorefrontProductDetailsFragmentDoc,
    "\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n": typeof types.StorefrontProductChangedDocument,
    "\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n": typeof types.StorefrontStockChangedDocument,
    "\n  query StorefrontCatalogue($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n    }\n  }\n": typeof types.StorefrontCatalogueDocument,
    "\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n": typeof types.StorefrontProductDocument,
};
const documents: Documents = {
    "\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n": types.StorefrontCartProductDocument,
    "\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n": types.StorefrontCategoriesDocument,
    "\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n": types.StorefrontProductCardFragmentDoc,
    "\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StorefrontProductReviewsDocument,
    "\n  query StorefrontSearchSuggestions($search: String!, $first: Int!) {\n    products(first: $first, filter: { search: $search }, sort: NAME_ASC) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": types.StorefrontSearchSuggestionsDocument,
    "\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n": types.StorefrontProductDetailsFragmentDoc,
    "\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n": types.StorefrontProductChangedDocument,
    "\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n": types.StorefrontStockChangedDocument,
    "\n  query StorefrontCatalogue($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n    }\n  }\n": types.StorefrontCatalogueDocument,
    "\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n": types.StorefrontProductDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontSearchSuggestions($search: String!, $first: Int!) {\n    products(first: $first, filter: { search: $search }, sort: NAME_ASC) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontSearchSuggestions($search: String!, $first: Int!) {\n    products(first: $first, filter: { search: $search }, sort: NAME_ASC) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          slug\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n"): (typeof documents)["\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCatalogue($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontCatalogue($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    products(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;