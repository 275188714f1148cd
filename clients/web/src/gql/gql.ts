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
    "fragment SessionFields on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation LogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...SessionFields\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    id\n    email\n    name\n    roles\n    addresses {\n      id\n      city\n      country\n      isDefault\n    }\n  }\n}": typeof types.SessionFieldsFragmentDoc,
    "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    slug\n    price {\n      formatted\n    }\n  }\n}\n\nmutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    id\n    status\n  }\n}": typeof types.CreateProductDocument,
    "query ProductListing($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        slug\n        price {\n          amount\n          currency\n          formatted\n        }\n        category {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    name\n    slug\n    description\n    weight\n    price {\n      amount\n      currency\n      formatted\n    }\n    category {\n      id\n      name\n      path {\n        name\n        slug\n      }\n    }\n  }\n}\n\nquery CategoryMenu {\n  categories {\n    id\n    name\n    slug\n    parent {\n      id\n    }\n  }\n}": typeof types.ProductListingDocument,
};
const documents: Documents = {
    "fragment SessionFields on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation LogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...SessionFields\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    id\n    email\n    name\n    roles\n    addresses {\n      id\n      city\n      country\n      isDefault\n    }\n  }\n}": types.SessionFieldsFragmentDoc,
    "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    slug\n    price {\n      formatted\n    }\n  }\n}\n\nmutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    id\n    status\n  }\n}": types.CreateProductDocument,
    "query ProductListing($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        slug\n        price {\n          amount\n          currency\n          formatted\n        }\n        category {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    name\n    slug\n    description\n    weight\n    price {\n      amount\n      currency\n      formatted\n    }\n    category {\n      id\n      name\n      path {\n        name\n        slug\n      }\n    }\n  }\n}\n\nquery CategoryMenu {\n  categories {\n    id\n    name\n    slug\n    parent {\n      id\n    }\n  }\n}": types.ProductListingDocument,
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
export function graphql(source: "fragment SessionFields on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation LogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...SessionFields\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    id\n    email\n    name\n    roles\n    addresses {\n      id\n      city\n      country\n      isDefault\n    }\n  }\n}"): (typeof documents)["fragment SessionFields on AuthPayload {\n  accessToken\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...SessionFields\n  }\n}\n\nmutation LogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...SessionFields\n  }\n}\n\nmutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    id\n    email\n    name\n    roles\n    addresses {\n      id\n      city\n      country\n      isDefault\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    slug\n    price {\n      formatted\n    }\n  }\n}\n\nmutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    id\n    status\n  }\n}"): (typeof documents)["mutation CreateProduct($input: CreateProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    slug\n    price {\n      formatted\n    }\n  }\n}\n\nmutation ArchiveProduct($id: ID!) {\n  archiveProduct(id: $id) {\n    id\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductListing($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        slug\n        price {\n          amount\n          currency\n          formatted\n        }\n        category {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    name\n    slug\n    description\n    weight\n    price {\n      amount\n      currency\n      formatted\n    }\n    category {\n      id\n      name\n      path {\n        name\n        slug\n      }\n    }\n  }\n}\n\nquery CategoryMenu {\n  categories {\n    id\n    name\n    slug\n    parent {\n      id\n    }\n  }\n}"): (typeof documents)["query ProductListing($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        slug\n        price {\n          amount\n          currency\n          formatted\n        }\n        category {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nquery ProductPage($slug: String!) {\n  product(slug: $slug) {\n    id\n    sku\n    name\n    slug\n    description\n    weight\n    price {\n      amount\n      currency\n      formatted\n    }\n    category {\n      id\n      name\n      path {\n        name\n        slug\n      }\n    }\n  }\n}\n\nquery CategoryMenu {\n  categories {\n    id\n    name\n    slug\n    parent {\n      id\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;