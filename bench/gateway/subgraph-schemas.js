'use strict';
// The four subgraphs of The Guild's graphql-gateways-benchmark (accounts, products, inventory, reviews), built
// with @apollo/subgraph and answering from fixture/data.json with the reference implementations' semantics:
// (accounts marks `username` @shareable: Federation 2 requires it of a field another subgraph @provides.)
// - reviews: every Review's author is user 1 (username provided: "urigo"), every User's reviews are reviews 1–2,
//   a Product's reviews are those naming its upc;
// - inventory: `shippingEstimate @requires(fields: "price weight")`, but the reference resolves the entity from
//   its own rows (price and weight null), so it is always null — as expected-response.json says.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { buildSubgraphSchema } = require('@apollo/subgraph');
const { parse } = require('graphql');

const DATA = JSON.parse(readFileSync(join(__dirname, 'fixture/data.json'), 'utf8'));
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

const byKey = (rows, key) => new Map(rows.map((row) => [row[key], row]));
const users = byKey(DATA.users, 'id');
const products = byKey(DATA.products, 'upc');
const inventory = byKey(DATA.inventory, 'upc');
const reviews = DATA.reviews;
const reviewsById = byKey(reviews, 'id');

const definitions = {
  accounts: {
    typeDefs: `${FEDERATION}
      type Query { me: User  user(id: ID!): User  users: [User] }
      type User @key(fields: "id") { id: ID!  name: String  username: String @shareable  birthday: Int }`,
    resolvers: {
      Query: { me: () => DATA.users[0], user: (_, { id }) => users.get(id) ?? null, users: () => DATA.users },
      User: { __resolveReference: ({ id }) => users.get(id) ?? null },
    },
  },
  products: {
    typeDefs: `${FEDERATION}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
    resolvers: {
      Query: { topProducts: (_, { first }) => DATA.products.slice(0, first ?? 5) },
      Product: { __resolveReference: ({ upc }) => products.get(upc) ?? null },
    },
  },
  inventory: {
    typeDefs: `${FEDERATION}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        // The reference answers from its own row (price and weight null), ignoring the required fields.
        __resolveReference: ({ upc }) => inventory.get(upc) ?? null,
        shippingEstimate: ({ price, weight }) => {
          if (price == null) return null;
          if (price > 1000) return 0;
          return weight == null ? null : Math.floor(weight / 2);
        },
      },
    },
  },
  reviews: {
    typeDefs: `${FEDERATION}
      type Review @key(fields: "id") { id: ID!  body: String  author: User @provides(fields: "username")  product: Product }
      type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
      type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: ({ id }) => reviewsById.get(id) ?? null,
        author: () => ({ id: '1', username: 'urigo' }),
      },
      User: { __resolveReference: ({ id }) => ({ id }), reviews: () => reviews.slice(0, 2) },
      Product: { __resolveReference: ({ upc }) => ({ upc }), reviews: ({ upc }) => reviews.filter((review) => review.product.upc === upc) },
    },
  },
};

const SUBGRAPH_NAMES = Object.keys(definitions);

/** The subgraph's executable schema. */
function buildSchema(name) {
  const { typeDefs, resolvers } = definitions[name];
  return buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers }]);
}

/** The subgraph's SDL, for composition. */
function typeDefsOf(name) {
  return parse(definitions[name].typeDefs);
}

module.exports = { SUBGRAPH_NAMES, buildSchema, typeDefsOf };
