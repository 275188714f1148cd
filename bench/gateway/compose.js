'use strict';
// The fixture's supergraph, composed with @apollo/composition (the library `pnpm compose` and rover use) from the
// four subgraphs at their bench URLs.
const { composeServices } = require('@apollo/composition');
const { SUBGRAPH_NAMES, typeDefsOf } = require('./subgraph-schemas');

/** The subgraph URLs for a subgraphs process started on `basePort` (see subgraphs.js). */
function subgraphUrls(basePort) {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [name, `http://127.0.0.1:${basePort + 1 + index}/graphql`]));
}

function composeFixtureSupergraph(urls) {
  const result = composeServices(SUBGRAPH_NAMES.map((name) => ({ name, url: urls[name], typeDefs: typeDefsOf(name) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((error) => error.message).join('\n')}`);
  return result.supergraphSdl;
}

module.exports = { composeFixtureSupergraph, subgraphUrls };
