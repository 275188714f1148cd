'use strict';
// What the product-page benches send (run.js, alone.js, instructions.js): the storefront's product listing
// through the gateway (products + inventory + reviews), its products-only part, and the fetches its plan makes.

const FULL_LISTING = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted }
  category { name } inStock inventory { available } rating { average count } } } } }`;
const PRODUCTS_ONLY = `{ products(first: 20) { totalCount edges { node { id name slug price { formatted } category { name } } } } }`;

// The entity fetches the gateway's plan for FULL_LISTING sends, exactly as it prints them (planned with
// @apollo/query-planner from schema/supergraph.graphql), with the 20 products of the page as representations.
const INVENTORY_ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock inventory{available}}}}';
const REVIEWS_ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{rating{average count}}}}';

/** `offset` from the supergraph's gateway port: subgraphs follow it (products is port + 2). */
const ALL_SCENARIOS = [
  { id: 'gateway-storefront', name: 'gateway: storefront listing (products + inventory + reviews)', offset: 0, query: FULL_LISTING },
  { id: 'gateway-products', name: 'gateway: products-only listing', offset: 0, query: PRODUCTS_ONLY },
  { id: 'products-direct', name: 'products subgraph directly: same products-only listing', offset: 2, query: PRODUCTS_ONLY },
  { id: 'inventory-entities', name: 'inventory entities directly: 20 products inStock, inventory { available }', offset: 3, query: INVENTORY_ENTITIES, entities: true },
  { id: 'reviews-entities', name: 'reviews entities directly: 20 products rating { average count }', offset: 6, query: REVIEWS_ENTITIES, entities: true },
];

/** `SCENARIOS=products-direct,gateway-products`: only those (by id), in that order; unset: `defaults` (ids) or all. */
function chosenScenarios(text, defaults) {
  if (!text) return defaults ? defaults.map((id) => ALL_SCENARIOS.find((scenario) => scenario.id === id)) : ALL_SCENARIOS;
  return text.split(',').map((id) => {
    const scenario = ALL_SCENARIOS.find((candidate) => candidate.id === id.trim());
    if (!scenario) throw new Error(`SCENARIOS: unknown scenario "${id}"; known: ${ALL_SCENARIOS.map((s) => s.id).join(', ')}`);
    return scenario;
  });
}

/** `NAME=value NAME2=value` (BASELINE_ENV) as an object. */
function settingsOf(text) {
  return Object.fromEntries((text ?? '').split(/\s+/).filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

module.exports = { ALL_SCENARIOS, FULL_LISTING, PRODUCTS_ONLY, chosenScenarios, settingsOf };
