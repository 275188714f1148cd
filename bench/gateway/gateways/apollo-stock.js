#!/usr/bin/env node
'use strict';
// Stock @apollo/gateway + @apollo/server 5, configured as its README says and nothing more:
// node apollo-stock.js <supergraph file> <port>
const { readFileSync } = require('node:fs');
const { ApolloGateway } = require('@apollo/gateway');
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');

async function main() {
  const [supergraphPath, port] = process.argv.slice(2);
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8') });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
  console.error(`stock @apollo/gateway at ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
