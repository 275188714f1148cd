'use strict';
// The gateways compared by bench/gateway, each started as a process of its own on the fixture's supergraph and
// the same four subgraphs. `command` says how to start it; `path` is where it serves GraphQL.
const { dirname, join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '../..');
const HIVE_BIN = join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist/bin.js');

const ours = (name, description, extraEnv, { optIn = false } = {}) => ({
  name,
  description,
  path: '/graphql',
  optIn,
  command: ({ port, supergraphPath, urls }) => ({
    args: [join(ROOT, 'gateway/dist/main.js')],
    env: {
      NODE_ENV: 'production',
      // The benchmark's documents are not in our manifest: first-party full text stays allowed.
      PERSISTED_DOCUMENTS_FIRST_PARTY: 'any',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      METRICS_PORT: String(port + 1),
      SUPERGRAPH_PATH: supergraphPath,
      // One process on one core, like every other row (the production shape's workers are a separate matter).
      GATEWAY_WORKERS: '1',
      ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url])),
      ...extraEnv,
    },
  }),
});

/** Hive Gateway's CLI on the supergraph file, one process (`--fork 1`), with or without the Rust planner. */
const hive = (name, description, routerRuntime) => ({
  name,
  description,
  path: '/graphql',
  command: ({ port, supergraphPath }) => ({
    args: [HIVE_BIN, 'supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1', '--fork', '1'],
    env: { NODE_ENV: 'production', HIVE_ROUTER_RUNTIME: String(routerRuntime) },
  }),
});

const GATEWAYS = [
  ours('ours', 'our gateway (gateway/dist, production mode, defaults)', {}),
  // Opt-in variants (GATEWAYS=ours,ours-no-dedupe,…): what each lever is worth, measured in the same run.
  ours('ours-no-dedupe', 'ours, GATEWAY_DEDUPLICATE_FETCHES=false', { GATEWAY_DEDUPLICATE_FETCHES: 'false' }, { optIn: true }),
  ours('ours-pool-only', 'ours, no merging, no deduplication (only the undici pool)', { GATEWAY_DEDUPLICATE_FETCHES: 'false', GATEWAY_MERGE_FETCHES: 'false' }, { optIn: true }),
  {
    name: 'apollo-stock',
    description: 'stock @apollo/gateway 2.14.4 + @apollo/server 5',
    path: '/',
    command: ({ port, supergraphPath }) => ({ args: [join(__dirname, 'gateways/apollo-stock.js'), supergraphPath, String(port)], env: { NODE_ENV: 'production' } }),
  },
  hive('hive', 'Hive Gateway 2.15.1', false),
  hive('hive-router-runtime', 'Hive Gateway 2.15.1 + Rust query planner (@graphql-hive/router-runtime 1.4.23)', true),
];

module.exports = { GATEWAYS, ROOT };
